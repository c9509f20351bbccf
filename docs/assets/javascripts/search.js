// Search, set up before the theme's bundle (overrides/main.html loads this ahead of it: the
// bundle starts its search worker and asks for the index as soon as it runs). Two changes, each
// a no-op when what it waits for never comes, so search then works as the theme ships it:
//
// 1. The index is downloaded when the reader reaches for search, not by every page. The theme
//    already waits so on file:// (until the search toggle, #__search, is switched on); here the
//    request it makes for the index (Material: search/search_index.json, Zensical: search.json)
//    is held until that toggle changes, or a pointer or the focus reaches the search box or its
//    icon (a head start of the mouse's way to it). Opening search by a key, by ?q= or by a tap
//    switches the toggle on.
// 2. Pages matching every term of the query come first. The worker runs the query as lunr does,
//    any term matching (Material 9 took out the query transform it once let sites replace), and
//    so "GPT-3" put first the pages whose title holds a "3". Each result says which query terms
//    it matched (`terms`); its pages are put in three tiers, keeping the worker's order within
//    each: a section matching every term, the page's sections matching every term between
//    them, the rest. A page whose own entry did not match gets the terms its sections matched,
//    so its link highlights them (search.highlight builds ?h= from them; it was left empty).
(() => {
  if (window.ex01Search) return
  window.ex01Search = true
  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}")
  const base = new URL(config.base || ".", location.href)
  const indexes = ["search/search_index.json", "search.json"].map((path) => new URL(path, base).href)

  // 1. The index waits for the reader.
  const toggle = document.getElementById("__search")
  const held = []
  let released = !toggle
  const release = () => {
    if (released) return
    released = true
    for (const send of held.splice(0)) send()
  }
  const wanted = new WeakSet()
  const { open, send } = XMLHttpRequest.prototype
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (indexes.includes(new URL(url, location.href).href)) wanted.add(this)
    return open.call(this, method, url, ...rest)
  }
  XMLHttpRequest.prototype.send = function (...body) {
    if (!released && wanted.has(this)) held.push(() => send.apply(this, body))
    else return send.apply(this, body)
  }
  toggle?.addEventListener("change", release)
  const near = (event) => event.target instanceof Element
    && event.target.closest(".md-search, label[for=__search]") && release()
  for (const type of ["pointerover", "pointerdown", "focusin"]) document.addEventListener(type, near)

  // 2. Pages matching every term first.
  const every = (terms) => {
    const matched = Object.values(terms || {})
    return matched.length > 0 && matched.every(Boolean)
  }
  const union = (group) => {
    const terms = {}
    for (const item of group)
      for (const [term, match] of Object.entries(item.terms || {})) terms[term] ||= match
    return terms
  }
  const rank = (groups) => {
    const tiers = groups.map((group, order) => {
      const terms = union(group)
      const tier = group.some((item) => every(item.terms)) ? 0 : every(terms) ? 1 : 2
      const found = Object.fromEntries(Object.entries(terms).filter(([, match]) => match))
      for (const item of group)
        if (Object.keys(item.terms || {}).length === 0) item.terms = { ...found }
      return { group, order, tier }
    })
    tiers.sort((a, b) => a.tier - b.tier || a.order - b.order)
    // Enter opens the result with the highest score: scale a group down (all of it, so that
    // which of its sections show stays the same) where it would outscore one shown above it.
    let ceiling = Infinity
    for (const { group } of tiers) {
      const top = Math.max(...group.map((item) => item.score))
      if (top > ceiling && top > 0) for (const item of group) item.score *= ceiling / top
      ceiling = Math.min(ceiling, top)
    }
    groups.splice(0, groups.length, ...tiers.map(({ group }) => group))
  }
  const results = (data) => data && data.type === 3 && data.data && Array.isArray(data.data.items)
    && data.data.items.every((group) => Array.isArray(group)
      && group.every((item) => item && typeof item.location === "string"
        && typeof item.score === "number" && typeof item.terms === "object"))
  const NativeWorker = window.Worker
  if (NativeWorker)
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args)
        // Registered before the theme's own listener, which sees the reordered result.
        this.addEventListener("message", ({ data }) => {
          if (results(data)) rank(data.data.items)
        })
      }
    }
})()
