import { actionFields, describeAction, type PageAction } from '../page-actions';
import { h, type Html } from './html';
import { shopPath } from './shop-section';

/** The confirmation every action goes through: the question, then a POST form and a way back. */
export function confirmPageContent(shop: string, action: PageAction): Html {
  const fields = Object.entries(actionFields(action));
  return h`<p>${describeAction(shop, action)}</p>
<form method="post" action="${shopPath(shop)}/actions" class="confirm">
${fields.map(([name, value]) => h`<input type="hidden" name="${name}" value="${value}">`)}
<button type="submit" autofocus>Yes, do it</button>
<a class="button secondary" href="${shopPath(shop)}">Cancel</a>
</form>`;
}
