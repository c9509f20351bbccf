// Material renders Mermaid diagrams with window.mermaid when it exists, and otherwise fetches
// Mermaid from a CDN (unpkg). This stand-in makes it use the site's own copy instead: npm
// mermaid (pinned in package.json), ES module build, in assets/javascripts/vendor/mermaid/.
// The library is imported on the first diagram only, after instant navigation too, and its
// module build fetches just the parts a diagram type needs.
// Only a diagram not yet drawn ahead of time (scripts/ex01/diagrams.py) gets here, which never
// happens in the offline edition: `make offline` first checks that every diagram is drawn, as
// file:// pages could not import the module build.
(() => {
  const base = document.currentScript.src
  let options = {}
  let loading = null
  const load = () =>
    (loading ??= import(new URL("vendor/mermaid/mermaid.esm.min.mjs", base).href).then(
      ({ default: mermaid }) => {
        mermaid.initialize(options)
        return mermaid
      },
    ))
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
