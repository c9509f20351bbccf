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

  // The "Cite this page" entries name the page by the address the build wrote (site_url, in
  // data-cite-url). Served from anywhere else (a mirror, a sub-path, a build without SITE_URL),
  // they name the address the reader has open instead, in the text and in what the buttons
  // copy. From a file (the offline edition), the web address stays, unless the build had none
  // of its own (a loopback site_url), which no reader could open.
  const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/
  const servedAddress = (built) => {
    const here = new URL(location.href)
    here.hash = ""
    here.search = ""
    if (here.protocol === "file:") {
      return LOOPBACK.test(new URL(built).hostname) ? here.href : built
    }
    here.pathname = here.pathname.replace(/\/index\.html$/, "/")
    return here.href
  }
  const localizeCitation = (block) => {
    const built = block.dataset.citeUrl
    if (!built) return
    const served = servedAddress(built)
    if (served === built) return
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode
      if (node.data.includes(built)) node.data = node.data.replaceAll(built, served)
    }
    for (const link of block.querySelectorAll("a[href]")) {
      if (link.getAttribute("href") === built) link.href = served
    }
    for (const button of block.querySelectorAll("button[data-copy]")) {
      button.dataset.copy = button.dataset.copy.replaceAll(built, served)
    }
    block.dataset.citeUrl = served
  }
  // On every page, instant navigation included (Material's document$ emits for each).
  document$.subscribe(() => {
    for (const block of document.querySelectorAll("details.cite[data-cite-url]")) {
      localizeCitation(block)
    }
  })

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

  // A navigation section with an index page (navigation.indexes) has its title in the index
  // page's link, and leaves the label that names the section's <nav> (aria-labelledby), its
  // expand toggle, with only an icon: both engines' nav-item partials. Unnamed, the section
  // navs are landmarks axe-core cannot tell apart (landmark-unique). The label gets the link's
  // text, visually hidden (extra.css), on every page (instant navigation included): it names
  // the section's <nav> and its toggle.
  const nameSections = () => {
    for (const label of document.querySelectorAll(".md-nav__container > label[id]")) {
      const link = label.parentElement.querySelector(":scope > a")
      if (link && !label.textContent.trim()) {
        const name = document.createElement("span")
        name.className = "nav-section-name"
        name.textContent = link.textContent.trim()
        label.append(name)
      }
    }
  }
  document$.subscribe(nameSections)

  // Material's search dialog has no accessible name (axe-core's aria-dialog-name rule); Zensical's
  // has one. Named here rather than in a copy of Material's search partial, which would replace
  // Zensical's own.
  const dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])')
  if (dialog) dialog.setAttribute("aria-label", "Search")
})()
