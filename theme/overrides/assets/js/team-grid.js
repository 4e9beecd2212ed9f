/**
 * Typing in paper answer sheets, one row per sheet (issue 13). Owner: the paper helper.
 */

/** Called once by the team page with its interface (see the `api` object in team-page.js). */
export function initGrid(page, api) {
  void page;
  void api;
}
