// Typesets the LaTeX that pymdownx.arithmatex leaves in .arithmatex elements, with the site's own
// KaTeX (npm katex, pinned in package.json, in assets/javascripts/vendor/katex/), fetched only
// on pages that have formulas. Material's document$ emits on every page, instant ones included.
(() => {
  const base = new URL("vendor/katex/", document.currentScript.src).href
  let loading = null
  const load = () =>
    (loading ??= new Promise((resolve, reject) => {
      const style = document.createElement("link")
      style.rel = "stylesheet"
      style.href = `${base}katex.min.css`
      const script = document.createElement("script")
      script.src = `${base}katex.min.js`
      script.onload = () => resolve(window.katex)
      script.onerror = () => reject(new Error(`KaTeX failed to load from ${script.src}`))
      document.head.append(style, script)
    }))
  const typeset = async () => {
    const nodes = document.querySelectorAll(".arithmatex")
    if (nodes.length === 0) return
    const katex = await load()
    for (const node of nodes) {
      // Generic mode wraps inline maths in \( \) and display maths in \[ \].
      const tex = node.textContent.trim().slice(2, -2)
      const display = node.tagName === "DIV"
      katex.render(tex, node, { displayMode: display, throwOnError: true })
      // A wide formula scrolls sideways; keyboard users must be able to reach it to scroll.
      if (display) node.tabIndex = 0
    }
  }
  document$.subscribe(() => {
    typeset()
  })
})()
