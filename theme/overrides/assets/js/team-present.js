/**
 * The meeting: presentation mode and agreements (issue 13). Owner: the presentation helper.
 */

/** Called once by the team page with its interface (see the `api` object in team-page.js). */
export function initPresentation(page, api) {
  void page;
  void api;
}
