// Compiles under `tsc --strict` against the types openapi-typescript generates from the published spec:
// an issue list is a list of issues (not of `Issue | null`), its `title` is always there, and an event
// entry narrows by `type` to its kind's `data`.
import type { components, paths } from "./sentry-api";

type Issues = paths["/api/0/organizations/{organization_slug}/issues/"]["get"]["responses"][200]["content"]["application/json"];
declare const issues: Issues;
export const title: string = issues[0].title;

type Entry = NonNullable<components["schemas"]["Event"]["entries"]>[number];
declare const entry: Entry;
export const frames = entry.type === "exception" ? entry.data?.values?.[0]?.stacktrace?.frames : undefined;
