/** Where this page finds the host. The page is always served by the host itself. */
export function directLineDomain(origin: string = window.location.origin): string {
  return `${origin.replace(/\/+$/, '')}/v3/directline`;
}

/** How the page was opened: the full help-centre page, or the bare chat inside embed.js's iframe. */
export interface PageMode {
  embed: boolean;
  userName: string | undefined;
}

export function readPageMode(search: string): PageMode {
  const params = new URLSearchParams(search);
  const embed = params.get('embed');
  const userName = params.get('userName')?.trim();
  return {
    embed: embed === '1' || embed === 'true',
    userName: userName ? userName.slice(0, 100) : undefined,
  };
}

/** Message the embedded chat posts to its parent page (handled by public/embed.js). */
export const EMBED_CLOSE_MESSAGE = 'northwind-chat:close';
