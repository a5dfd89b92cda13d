import { customerImportQuery, type CustomerFilters, type CustomerOptions } from '../domain/customer-filters';
import type { ShopSettings } from '../domain/shop-settings';
import type { Erp } from '../erp/db';

/** What a run of a two-way master-data task does (reference 2.7, 2.8): import, export, both, or nothing, and why. */
export interface TwoWayPlan {
  import: { query: string; incremental: boolean; cursorKey: string; runStart: string; onlyKnown: boolean } | null;
  export: boolean;
  notes: string[];
}

export interface TwoWaySettings {
  /** The import setting's name and value (`none`, `withOrderImport` = known records only, or all). */
  importSetting: { name: string; value: string };
  exportSetting: { name: string; value: boolean };
  noun: string;
  cursorKey: string;
}

/** The plan from the shop's settings; the import reads what changed since the cursor (customer rules) up to now. */
export async function planTwoWay(erp: Erp, settings: ShopSettings, task: TwoWaySettings, filters: CustomerFilters, options: CustomerOptions): Promise<TwoWayPlan> {
  const notes: string[] = [];
  let importPlan: TwoWayPlan['import'] = null;
  if (task.importSetting.value === 'none') {
    notes.push(`${task.importSetting.name} is none: no ${task.noun} is imported`);
  } else {
    const runStart = new Date().toISOString();
    const { query, incremental } = customerImportQuery(await erp.syncState.cursor(task.cursorKey), runStart, filters, options);
    importPlan = { query, incremental, cursorKey: task.cursorKey, runStart, onlyKnown: task.importSetting.value === 'withOrderImport' };
  }
  let exportOn = task.exportSetting.value;
  if (!exportOn) notes.push(`${task.exportSetting.name} is off: ERP changes are not sent`);
  if (exportOn && !settings.allowOutgoingRequests) {
    exportOn = false;
    notes.push('the shop has allowOutgoingRequests off: nothing is sent to Shopify');
  }
  return { import: importPlan, export: exportOn, notes };
}
