// Formulas are typeset ahead of time (scripts/ex01/formulas.py, `make prerender`) and arrive as
// KaTeX's HTML, with KaTeX's stylesheet in the page's head (overrides/main.html). This script
// covers the rest, on every page (Material's document$ emits on instant navigation too):
// - after instant navigation from a page without formulas, the head lacks the stylesheet;
// - a formula not typeset yet (just written, under `mkdocs serve`) is still LaTeX in an
//   .arithmatex element: it is typeset here with the site's own KaTeX (npm katex, pinned in
//   package.json, in assets/javascripts/vendor/katex/), fetched only when needed.
(() => {
  const base = new URL("vendor/katex/", document.currentScript.src).href
  const stylesheet = () => {
    if (document.querySelector('link[href$="katex.min.css"]')) return
    const style = document.createElement("link")
    style.rel = "stylesheet"
    style.href = `${base}katex.min.css`
    document.head.append(style)
  }
  let loading = null
  const load = () =>
    (loading ??= new Promise((resolve, reject) => {
      const script = document.createElement("script")
      script.src = `${base}katex.min.js`
      script.onload = () => resolve(window.katex)
      script.onerror = () => reject(new Error(`KaTeX failed to load from ${script.src}`))
      document.head.append(script)
    }))
  const typeset = async () => {
    if (document.querySelector(".arithmatex") === null) return
    stylesheet()
    const nodes = document.querySelectorAll(".arithmatex:not([data-formula])")
    if (nodes.length === 0) return
    const katex = await load()
    for (const node of nodes) {
      // Generic mode wraps inline maths in \( \) and display maths in \[ \].
      const source = node.textContent
      const tex = source.trim().slice(2, -2)
      const display = node.tagName === "DIV"
      try {
        katex.render(tex, node, { displayMode: display, throwOnError: true })
      } catch (error) {
        // One formula that does not parse leaves its LaTeX showing, marked, and every other
        // formula on the page is still typeset (`mkdocs build` names it: it is not in the
        // store, and `make prerender` gives KaTeX's complaint).
        node.textContent = source
        node.classList.add("arithmatex--error")
        node.title = `This formula could not be typeset: ${error.message}`
        continue
      }
      // A wide formula scrolls sideways; keyboard users must be able to reach it to scroll.
      if (display) node.tabIndex = 0
    }
  }
  document$.subscribe(() => {
    typeset()
  })
})()
