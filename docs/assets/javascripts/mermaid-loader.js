// Material renders Mermaid diagrams with window.mermaid when it exists, and otherwise fetches
// Mermaid from a CDN (unpkg). This stand-in makes it use the site's own copy instead
// (assets/javascripts/vendor/mermaid.min.js, npm mermaid pinned in package.json), fetched
// only when a page has a diagram, including after instant navigation.
(() => {
  const src = new URL("vendor/mermaid.min.js", document.currentScript.src).href
  let options = {}
  let loading = null
  const load = () =>
    (loading ??= new Promise((resolve, reject) => {
      const script = document.createElement("script")
      script.src = src
      script.onload = () => {
        // The real library has replaced this stand-in as window.mermaid.
        window.mermaid.initialize(options)
        resolve(window.mermaid)
      }
      script.onerror = () => reject(new Error(`Mermaid failed to load from ${src}`))
      document.head.append(script)
    }))
  window.mermaid = {
    initialize(config) {
      options = config
    },
    async render(id, text) {
      return (await load()).render(id, text)
    },
  }
})()
