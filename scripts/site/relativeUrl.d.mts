export function relativeUrl(pageUrl: string, url: string): string;
export function relativeLinks(html: string, pageUrl: string): string;
