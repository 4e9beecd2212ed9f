/**
 * Every round kept on the device, trends over rounds, the A4 report (issue 13). Owner: the history helper.
 */

/** Called once by the team page with its interface (see the `api` object in team-page.js). */
export function initHistory(page, api) {
  void page;
  void api;
}
