// Material renders Mermaid diagrams with window.mermaid when it exists, and otherwise fetches
// Mermaid from a CDN (unpkg). This stand-in makes it use the site's own copy instead: npm
// mermaid (pinned in package.json), ES module build, in assets/javascripts/vendor/mermaid/.
// The library is imported on the first diagram only, after instant navigation too, and its
// module build fetches just the parts a diagram type needs.
// Pages opened from file:// (the offline edition) cannot import modules, so there the classic
// build (mermaid.min.js, published by mkdocs-offline.yml only) is loaded with a <script> tag.
(() => {
  const base = document.currentScript.src
  let options = {}
  let loading = null
  const classic = () =>
    new Promise((resolve, reject) => {
      const script = document.createElement("script")
      script.src = new URL("vendor/mermaid/mermaid.min.js", base).href
      // The classic build sets window.mermaid itself: keep the stand-in there, as on the web.
      const standIn = window.mermaid
      script.onload = () => {
        const mermaid = window.mermaid
        window.mermaid = standIn
        resolve(mermaid)
      }
      script.onerror = () => reject(new Error(`Mermaid failed to load from ${script.src}`))
      document.head.append(script)
    })
  const load = () =>
    (loading ??= (
      location.protocol === "file:"
        ? classic()
        : import(new URL("vendor/mermaid/mermaid.esm.min.mjs", base).href).then(
            ({ default: mermaid }) => mermaid,
          )
    ).then((mermaid) => {
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

// Diagrams drawn ahead of time (scripts/ex01/diagrams.py) arrive as SVG in a declarative shadow
// root, <template shadowrootmode="open">. The HTML parser attaches it on a direct load, but
// instant navigation parses the next page with DOMParser, which leaves such templates inert:
// attach them here. Material's document$ emits on every page, instant ones included.
document$.subscribe(() => {
  for (const template of document.querySelectorAll("div.mermaid > template[shadowrootmode]")) {
    const host = template.parentElement
    if (host.shadowRoot) continue
    host.attachShadow({ mode: template.getAttribute("shadowrootmode") }).append(template.content)
    template.remove()
  }
})
