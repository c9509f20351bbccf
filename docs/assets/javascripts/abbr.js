// An abbreviation's expansion, shown on a tap, a click or keyboard focus: phones show no title
// tooltip. The build (ex01.markdown.abbreviations) marks the first abbreviation of each section
// and makes it focusable; here one set of listeners on the document serves every page, instant
// navigation included, and nothing is set up per abbreviation. Escape, or focus moving away,
// hides the expansion; hovering still shows the browser's own title tooltip.
(() => {
  let tip = null
  let shown = null

  const hide = () => {
    if (!shown) return
    shown.removeAttribute("aria-describedby")
    shown = null
    tip.hidden = true
  }

  const show = (abbr) => {
    if (abbr === shown) return
    hide()
    // Made on first use, and again if a page change took it out of the document.
    if (!tip || !tip.isConnected) {
      tip = document.createElement("span")
      tip.id = "abbr-expansion"
      tip.className = "abbr-expansion"
      tip.setAttribute("role", "tooltip")
      document.body.append(tip)
    }
    tip.textContent = abbr.title
    tip.hidden = false
    const box = abbr.getBoundingClientRect()
    const room = document.documentElement.clientWidth - tip.offsetWidth - 8
    tip.style.left = `${Math.max(8, Math.min(box.left, room)) + window.scrollX}px`
    tip.style.top = `${box.bottom + 4 + window.scrollY}px`
    abbr.setAttribute("aria-describedby", tip.id)
    shown = abbr
  }

  const target = (event) =>
    event.target instanceof Element ? event.target.closest("abbr[title]") : null

  document.addEventListener("focusin", (event) => {
    const abbr = target(event)
    if (abbr) show(abbr)
  })
  document.addEventListener("focusout", (event) => {
    if (target(event) === shown) hide()
  })
  // A tap or click shows it even where the browser does not focus what was tapped.
  document.addEventListener("click", (event) => {
    const abbr = target(event)
    if (abbr) show(abbr)
    else hide()
  })
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      hide()
      return
    }
    const abbr = target(event)
    if (abbr && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault()
      show(abbr)
    }
  })
})()
