/** Which case a form acts on, and the version it was rendered from (a stale form is refused, never applied). */
export type CaseRef = { code: string; caseId: string; version: number };

export function CaseRefFields({ code, caseId, version }: CaseRef) {
  return (
    <>
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}
