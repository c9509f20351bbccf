// The offline edition only (overrides/main.html loads it when extra.offline is set), before
// Material's bundle: pages opened from file:// cannot use instant navigation, and with it on
// the bundle gives up on navigation and its document$ stream ends, so diagrams, formulas and
// tables are never set up. So the feature is taken out of the page's configuration here,
// rather than by restating the theme's feature list in mkdocs-offline.yml (engines merge an
// inherited list differently: MkDocs replaces it, Zensical appends to it).
(() => {
  const element = document.getElementById("__config")
  const config = JSON.parse(element.textContent)
  config.features = config.features.filter((feature) => feature !== "navigation.instant")
  element.textContent = JSON.stringify(config)
})()
