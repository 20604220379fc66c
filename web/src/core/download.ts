import { session } from "./session.js";

/**
 * A file link that also works when the server wants a key: a plain link cannot send the
 * Authorization header, so when signed in the click fetches the file and saves it from memory.
 */
export function keyedDownloads(link: HTMLAnchorElement, onError: (message: string) => void): void {
  link.addEventListener("click", (event) => {
    if (!session.key()) return;
    event.preventDefault();
    void save(link.href).catch((error) => onError(error instanceof Error ? error.message : String(error)));
  });
}

async function save(url: string): Promise<void> {
  const response = await fetch(url, { headers: session.headers() });
  if (!response.ok) throw new Error(`the download was refused (${response.status})`);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get("content-disposition") ?? "")?.[1];
  const objectUrl = URL.createObjectURL(await response.blob());
  const anchor = document.createElement("a");
  anchor.href = objectUrl;
  anchor.download = name ?? new URL(url, location.href).pathname.split("/").pop() ?? "download";
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
