// Copy buttons written into the pages by the build (ex01.markdown.permalinks and
// overrides/partials/cite-this-page.html): "copy link to this section" on each heading carries
// the section's fragment in data-url, joined here to the address the page is served from; each
// "Cite this page" entry carries its text in data-copy. One listener on the
// document serves every page, instant navigation included. Each copy is announced through a
// live region, so screen-reader users hear it, and shown for a moment to everyone else.
(() => {
  let status = null
  const announce = (message) => {
    if (!status) {
      status = document.createElement("div")
      status.className = "copy-status"
      status.setAttribute("role", "status")
      status.setAttribute("aria-live", "polite")
      document.body.append(status)
    }
    // Emptied first, so that copying the same thing twice is announced twice.
    status.textContent = ""
    status.classList.remove("copy-status--visible")
    setTimeout(() => {
      status.textContent = message
      status.classList.add("copy-status--visible")
    }, 50)
    clearTimeout(announce.timer)
    announce.timer = setTimeout(() => status.classList.remove("copy-status--visible"), 2500)
  }

  // navigator.clipboard needs a secure context (https or localhost); a site opened from a
  // plain-http address or a file falls back to the older copy command.
  const copy = async (text) => {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return
    }
    const area = document.createElement("textarea")
    area.value = text
    area.setAttribute("readonly", "")
    area.style.position = "fixed"
    area.style.opacity = "0"
    document.body.append(area)
    area.select()
    const copied = document.execCommand("copy")
    area.remove()
    if (!copied) throw new Error("copy command refused")
  }

  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button.copy-link, button.cite-copy")
    if (!button) return
    const here = location.href.replace(/[?#].*$/, "")
    const text = button.dataset.url ? here + button.dataset.url : button.dataset.copy
    const what = button.classList.contains("copy-link") ? "Link to this section" : "Citation"
    try {
      await copy(text)
      announce(`${what} copied to the clipboard`)
    } catch {
      announce(`Could not copy. ${what}: ${text}`)
    }
  })

  // Material's search share button copies the link of the query before the last one (it sets
  // data-clipboard-text before updating its href). Syncing them just before Material's own
  // click handler runs makes it copy the link of the query on screen.
  document.addEventListener(
    "click",
    (event) => {
      const share = event.target.closest("[data-md-component=search-share]")
      if (share) share.setAttribute("data-clipboard-text", share.href)
    },
    true,
  )

  // Material's search dialog has no accessible name (axe-core's aria-dialog-name rule); Zensical's
  // has one. Named here rather than in a copy of Material's search partial, which would replace
  // Zensical's own.
  const dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])')
  if (dialog) dialog.setAttribute("aria-label", "Search")
})()
