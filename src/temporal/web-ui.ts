/** Links into the Temporal Web UI, built from its base URL (TEMPORAL_UI_URL); undefined when none is configured. */
export function webUiWorkflowUrl(base: string | undefined, namespace: string, workflowId: string, runId?: string): string | undefined {
  if (!base) return undefined;
  const workflow = `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return runId ? `${workflow}/${runId}/history` : workflow;
}

/** The Web UI's workflow list filtered by a visibility query, e.g. one shop's failed runs. */
export function webUiSearchUrl(base: string | undefined, namespace: string, query: string): string | undefined {
  if (!base) return undefined;
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(query)}`;
}
