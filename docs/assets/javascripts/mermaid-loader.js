// Material renders Mermaid diagrams with window.mermaid when it exists, and otherwise fetches
// Mermaid from a CDN (unpkg). This stand-in makes it use the site's own copy instead: npm
// mermaid (pinned in package.json), ES module build, in assets/javascripts/vendor/mermaid/.
// The library is imported on the first diagram only, after instant navigation too, and its
// module build fetches just the parts a diagram type needs.
(() => {
  const src = new URL("vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href
  let options = {}
  let loading = null
  const load = () =>
    (loading ??= import(src).then(({ default: mermaid }) => {
      mermaid.initialize(options)
      return mermaid
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
