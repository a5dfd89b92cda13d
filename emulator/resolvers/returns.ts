import { closeReturn, createReturn, findReturn, processReturn, type ReturnCreateInput, type ReturnProcessInput } from '../returns-store';
import { ShopifyGraphQLError, type ResolverModule } from './context';
import { returnObject } from './return-objects';

/** returnCreate, returnProcess and returnClose (2026-10) and the return(id:) query; the rest of the returns API is not emulated. */

function refuseUnmodelled(fields: Record<string, unknown>, mutation: string): void {
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null) {
      throw new ShopifyGraphQLError(`The emulator does not implement ${name} of ${mutation}`, 'NOT_IMPLEMENTED');
    }
  }
}

export const returnResolvers: ResolverModule = {
  query: {
    return: (args, { shop }) => {
      const found = findReturn(shop, args.id);
      return found ? returnObject(shop, found.order, found.found) : null;
    },
  },
  mutation: {
    returnCreate: (args, { shop, state }) => {
      const input = args.returnInput as ReturnCreateInput & { exchangeLineItems?: unknown[] | null; returnShippingFee?: unknown };
      refuseUnmodelled({ exchangeLineItems: input.exchangeLineItems, returnShippingFee: input.returnShippingFee }, 'returnCreate');
      const created = createReturn(shop, state, input);
      if ('errors' in created) return { return: null, userErrors: created.errors };
      return { return: returnObject(shop, created.order, created.created), userErrors: [] };
    },
    returnProcess: (args, { shop, state }) => {
      const input = args.input as ReturnProcessInput & { exchangeLineItems?: unknown[] | null; refundDuties?: unknown[] | null; tipLineId?: unknown };
      refuseUnmodelled({ exchangeLineItems: input.exchangeLineItems, refundDuties: input.refundDuties, tipLineId: input.tipLineId }, 'returnProcess');
      const processed = processReturn(shop, state, input);
      if ('errors' in processed) return { return: null, userErrors: processed.errors };
      return { return: returnObject(shop, processed.order, processed.found), userErrors: [] };
    },
    returnClose: (args, { shop, state }) => {
      const closed = closeReturn(shop, state, args.id);
      if ('errors' in closed) return { return: null, userErrors: closed.errors };
      return { return: returnObject(shop, closed.order, closed.found), userErrors: [] };
    },
  },
};
