// Must NOT compile: a misspelt field is no string (the same line as issues-title.ts with `titel`).
import type { paths } from "./sentry-api";

type Issues = paths["/api/0/organizations/{organization_slug}/issues/"]["get"]["responses"][200]["content"]["application/json"];
declare const issues: Issues;
export const title: string = issues[0].titel;
