import type { CreateWatchResponse, WatchList, WatchView } from "@copgraph/contract";
import { h, mount } from "../../core/dom.js";
import { session } from "../../core/session.js";

// Setting a watch from the community view: the readings facilitators ask about most, ready to pick,
// an optional webhook, and the watches already set with a way to remove each.

type Condition = WatchView["condition"];

/** What a facilitator most often wants to hear about (the issue's own examples). */
const presets: readonly { readonly label: string; readonly condition: Condition }[] = [
  {
    label: "Mixing across sectors falls below random mixing",
    condition: { kind: "below-baseline", indicator: "silo.ei" },
  },
  {
    label: "Help flowing both ways drops by more than 0.1 within 90 days",
    condition: { kind: "drops-by", indicator: "reciprocity.edge", by: 0.1, days: 90 },
  },
  { label: "No gathering for 60 days", condition: { kind: "no-gathering", days: 60 } },
  {
    label: "Members who gave and received fall below half",
    condition: { kind: "below", indicator: "reciprocity.member", threshold: 0.5 },
  },
];

const watches = (communityId: string) => `/v1/communities/${encodeURIComponent(communityId)}/watches`;

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(path, {
    method,
    headers: { ...session.headers(), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
    throw new Error(problem?.detail ?? `the server answered ${response.status}`);
  }
  return response;
}

/** A watch in words: what it waits for. */
function watchWords(watch: WatchView, titles: ReadonlyMap<string, string>): string {
  const preset = presets.find((p) => JSON.stringify(p.condition) === JSON.stringify(watch.condition));
  if (preset) return preset.label;
  const { condition } = watch;
  if (condition.kind === "no-gathering") return `No gathering for ${condition.days} days`;
  const reading = titles.get(condition.indicator) ?? condition.indicator;
  const over = condition.window ? ` (ties of the last ${condition.window.slice(1, -1)} days)` : "";
  switch (condition.kind) {
    case "below-baseline":
      return `${reading} falls below its baseline${over}`;
    case "below":
      return `${reading} falls below ${condition.threshold}${over}`;
    case "above":
      return `${reading} rises above ${condition.threshold}${over}`;
    case "drops-by":
      return `${reading} drops by more than ${condition.by} within ${condition.days} days${over}`;
  }
}

/**
 * The form and the list of watches; `changed` runs after one is set or removed (the notices
 * are read again: a new watch is dated over the whole history at once).
 */
export function watchForm(
  communityId: string,
  titles: ReadonlyMap<string, string>,
  changed: () => Promise<void>,
): HTMLElement {
  const choice = h(
    "select",
    { id: "cg-watch-what", required: true },
    ...presets.map((preset, i) => h("option", { value: String(i) }, preset.label)),
  );
  const url = h("input", {
    id: "cg-watch-webhook",
    type: "url",
    placeholder: "https://chat.example.org/hooks/…",
    autocomplete: "off",
  });
  const status = h("p", { class: "cg-watch-status", role: "status" });
  const list = h("ul", { class: "cg-watch-list" });

  const refresh = async () => {
    try {
      const { watches: set } = (await (await call("GET", watches(communityId))).json()) as WatchList;
      mount(
        list,
        ...(set.length === 0
          ? [h("li", { class: "cg-muted" }, "Nothing watched yet.")]
          : set.map((watch) =>
              h(
                "li",
                { "data-watch": watch.watchId },
                watchWords(watch, titles),
                watch.webhook ? ` (also sent to ${watch.webhook.origin})` : "",
                " ",
                h(
                  "button",
                  {
                    type: "button",
                    class: "cg-link-button",
                    "aria-label": `Stop watching: ${watchWords(watch, titles)}`,
                    onclick: async () => {
                      try {
                        await call("DELETE", `${watches(communityId)}/${encodeURIComponent(watch.watchId)}`);
                        status.textContent = "No longer watched.";
                        await refresh();
                        await changed();
                      } catch (failure) {
                        status.textContent = `Could not remove it: ${(failure as Error).message}`;
                      }
                    },
                  },
                  "Stop watching",
                ),
              ),
            )),
      );
    } catch (failure) {
      mount(list, h("li", { class: "cg-error" }, `The watches could not be read: ${(failure as Error).message}`));
    }
  };

  const form = h(
    "form",
    {
      class: "cg-watch-form",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const preset = presets[Number(choice.value)];
        if (!preset) return;
        const webhook = url.value.trim();
        status.textContent = "Setting the watch…";
        try {
          const created = (await (
            await call("POST", watches(communityId), {
              condition: preset.condition,
              ...(webhook ? { webhook: { url: webhook } } : {}),
            })
          ).json()) as CreateWatchResponse;
          status.textContent = created.webhookSecret
            ? `Watching. The webhook's signing secret, shown this once: ${created.webhookSecret}`
            : "Watching. Notices are dated over the whole history, also before today.";
          url.value = "";
          await refresh();
          await changed();
        } catch (failure) {
          status.textContent = `Could not set the watch: ${(failure as Error).message}`;
        }
      },
    },
    h("div", { class: "cg-field" }, h("label", { for: "cg-watch-what" }, "Tell me when"), choice),
    h("div", { class: "cg-field" }, h("label", { for: "cg-watch-webhook" }, "Also send to a webhook (optional)"), url),
    h("button", { type: "submit" }, "Watch"),
  );
  void refresh();
  return h(
    "details",
    { class: "cg-watch" },
    h("summary", {}, "Watch a reading"),
    h(
      "p",
      { class: "cg-muted" },
      "A notice is for your own reflection on the community, never a ranking of its members.",
    ),
    form,
    status,
    h("h3", {}, "Watched"),
    list,
  );
}
