/**
 * Reading members' QR codes with the laptop's camera (issue 13). Owner: the camera helper.
 */

/** Called once by the team page with its interface (see the `api` object in team-page.js). */
export function initCamera(page, api) {
  void page;
  void api;
}
