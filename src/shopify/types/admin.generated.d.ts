/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type BaselineOrdersToImportQueryVariables = AdminTypes.Exact<{
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BaselineOrdersToImportQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'tags'>
      & { totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type BaselineOrderHeaderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type BaselineOrderHeaderQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'cancelledAt' | 'test' | 'email' | 'phone' | 'currencyCode' | 'presentmentCurrencyCode' | 'taxesIncluded' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'sourceName' | 'tags' | 'note' | 'poNumber'>
    & { shippingLines: { nodes: Array<(
        Pick<AdminTypes.ShippingLine, 'title' | 'code'>
        & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, transactions: Array<(
      Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
      & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )>, refunds: Array<Pick<AdminTypes.Refund, 'id' | 'updatedAt'>>, customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, attribution?: AdminTypes.Maybe<Pick<AdminTypes.OrderAttribution, 'handle'>>, customer?: AdminTypes.Maybe<(
      Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
      & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
    )>, purchasingEntity?: AdminTypes.Maybe<{ company: Pick<AdminTypes.Company, 'id'>, location: Pick<AdminTypes.CompanyLocation, 'id'> }>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, currentShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, cartDiscountAmountSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, currentCartDiscountAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
  )> };

export type BaselineOrderLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BaselineOrderLinesQuery = { order?: AdminTypes.Maybe<{ lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'quantity' | 'currentQuantity' | 'isGiftCard' | 'requiresShipping'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'barcode'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type BaselineCustomerIdsQueryVariables = AdminTypes.Exact<{
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BaselineCustomerIdsQuery = { customers: { edges: Array<(
      Pick<AdminTypes.CustomerEdge, 'cursor'>
      & { node: Pick<AdminTypes.Customer, 'id' | 'updatedAt'> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'> } };

export type BaselineCustomerQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  addresses: AdminTypes.Scalars['Int']['input'];
}>;


export type BaselineCustomerQuery = { customer?: AdminTypes.Maybe<(
    Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName' | 'note' | 'tags' | 'taxExempt' | 'createdAt' | 'updatedAt'>
    & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>>, defaultAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'id' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, addressesV2: { nodes: Array<Pick<AdminTypes.MailingAddress, 'id' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>> } }
  )> };

export type BaselineLocationLevelsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BaselineLocationLevelsQuery = { location?: AdminTypes.Maybe<{ inventoryLevels: { edges: Array<(
        Pick<AdminTypes.InventoryLevelEdge, 'cursor'>
        & { node: (
          Pick<AdminTypes.InventoryLevel, 'id'>
          & { quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>>, item: (
            Pick<AdminTypes.InventoryItem, 'id'>
            & { variant: (
              Pick<AdminTypes.ProductVariant, 'id'>
              & { product: Pick<AdminTypes.Product, 'id'> }
            ) }
          ) }
        ) }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'> } }> };

export type BaselineSetQuantitiesMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.InventorySetQuantitiesInput;
  key: AdminTypes.Scalars['String']['input'];
}>;


export type BaselineSetQuantitiesMutation = { inventorySetQuantities?: AdminTypes.Maybe<{ inventoryAdjustmentGroup?: AdminTypes.Maybe<Pick<AdminTypes.InventoryAdjustmentGroup, 'id'>>, userErrors: Array<Pick<AdminTypes.InventorySetQuantitiesUserError, 'field' | 'message' | 'code'>> }> };

export type BaselineProductIdsQueryVariables = AdminTypes.Exact<{
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BaselineProductIdsQuery = { products: { edges: Array<(
      Pick<AdminTypes.ProductEdge, 'cursor'>
      & { node: Pick<AdminTypes.Product, 'id' | 'updatedAt'> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'> } };

export type BaselineProductQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type BaselineProductQuery = { product?: AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'title' | 'handle' | 'status' | 'vendor' | 'productType' | 'tags' | 'descriptionHtml' | 'isGiftCard' | 'updatedAt'>
    & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id'>> } }
  )> };

export type BaselineVariantQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type BaselineVariantQuery = { productVariant?: AdminTypes.Maybe<(
    Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'barcode' | 'price' | 'compareAtPrice' | 'taxable' | 'inventoryPolicy' | 'updatedAt'>
    & { selectedOptions: Array<Pick<AdminTypes.SelectedOption, 'name' | 'value'>>, inventoryItem: (
      Pick<AdminTypes.InventoryItem, 'id' | 'tracked'>
      & { unitCost?: AdminTypes.Maybe<Pick<AdminTypes.MoneyV2, 'amount'>>, measurement: { weight?: AdminTypes.Maybe<Pick<AdminTypes.Weight, 'unit' | 'value'>> } }
    ) }
  )> };

export type StagedUploadsCreateMutationVariables = AdminTypes.Exact<{
  input: Array<AdminTypes.StagedUploadInput> | AdminTypes.StagedUploadInput;
}>;


export type StagedUploadsCreateMutation = { stagedUploadsCreate?: AdminTypes.Maybe<{ stagedTargets?: AdminTypes.Maybe<Array<(
      Pick<AdminTypes.StagedMediaUploadTarget, 'url' | 'resourceUrl'>
      & { parameters: Array<Pick<AdminTypes.StagedUploadParameter, 'name' | 'value'>> }
    )>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type BulkOperationRunMutationMutationVariables = AdminTypes.Exact<{
  mutation: AdminTypes.Scalars['String']['input'];
  stagedUploadPath: AdminTypes.Scalars['String']['input'];
  clientIdentifier?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BulkOperationRunMutationMutation = { bulkOperationRunMutation?: AdminTypes.Maybe<{ bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.BulkMutationUserError, 'field' | 'message' | 'code'>> }> };

export type BulkOperationFieldsFragment = Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'objectCount' | 'url' | 'partialDataUrl' | 'completedAt' | 'createdAt'>;

export type BulkOperationStatusQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type BulkOperationStatusQuery = { bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'objectCount' | 'url' | 'partialDataUrl' | 'completedAt' | 'createdAt'>> };

export type RunningBulkMutationsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type RunningBulkMutationsQuery = { bulkOperations: { nodes: Array<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'objectCount' | 'url' | 'partialDataUrl' | 'completedAt' | 'createdAt'>> } };

export type CatalogsPageQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  type: AdminTypes.CatalogType;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CatalogsPageQuery = { catalogs: { nodes: Array<(
      Pick<AdminTypes.AppCatalog, 'id' | 'title' | 'status'>
      & { priceList?: AdminTypes.Maybe<Pick<AdminTypes.PriceList, 'id' | 'currency'>>, publication?: AdminTypes.Maybe<Pick<AdminTypes.Publication, 'id'>> }
    ) | (
      Pick<AdminTypes.CompanyLocationCatalog, 'id' | 'title' | 'status'>
      & { companyLocations: { nodes: Array<(
          Pick<AdminTypes.CompanyLocation, 'id'>
          & { company: Pick<AdminTypes.Company, 'id'> }
        )> }, priceList?: AdminTypes.Maybe<Pick<AdminTypes.PriceList, 'id' | 'currency'>>, publication?: AdminTypes.Maybe<Pick<AdminTypes.Publication, 'id'>> }
    ) | (
      Pick<AdminTypes.MarketCatalog, 'id' | 'title' | 'status'>
      & { markets: { nodes: Array<Pick<AdminTypes.Market, 'id'>> }, priceList?: AdminTypes.Maybe<Pick<AdminTypes.PriceList, 'id' | 'currency'>>, publication?: AdminTypes.Maybe<Pick<AdminTypes.Publication, 'id'>> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type PublicationProductsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type PublicationProductsQuery = { publication?: AdminTypes.Maybe<{ products: { nodes: Array<Pick<AdminTypes.Product, 'id'>>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type PriceListFixedPricesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type PriceListFixedPricesQuery = { priceList?: AdminTypes.Maybe<(
    Pick<AdminTypes.PriceList, 'currency'>
    & { prices: { nodes: Array<{ variant: Pick<AdminTypes.ProductVariant, 'id'>, price: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, compareAtPrice?: AdminTypes.Maybe<Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>> }>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )> };

export type PriceListFixedPricesAddMutationVariables = AdminTypes.Exact<{
  priceListId: AdminTypes.Scalars['ID']['input'];
  prices: Array<AdminTypes.PriceListPriceInput> | AdminTypes.PriceListPriceInput;
}>;


export type PriceListFixedPricesAddMutation = { priceListFixedPricesAdd?: AdminTypes.Maybe<{ prices?: AdminTypes.Maybe<Array<{ variant: Pick<AdminTypes.ProductVariant, 'id'> }>>, userErrors: Array<Pick<AdminTypes.PriceListPriceUserError, 'field' | 'message' | 'code'>> }> };

export type CompanyAddressFieldsFragment = Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>;

export type CompanyLocationFieldsFragment = (
  Pick<AdminTypes.CompanyLocation, 'id' | 'name' | 'externalId' | 'phone' | 'updatedAt'>
  & { taxSettings: Pick<AdminTypes.CompanyLocationTaxSettings, 'taxRegistrationId' | 'taxExempt'>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>> }
);

export type CompanyFieldsFragment = (
  Pick<AdminTypes.Company, 'id' | 'name' | 'note' | 'externalId' | 'updatedAt'>
  & { mainContact?: AdminTypes.Maybe<(
    Pick<AdminTypes.CompanyContact, 'id'>
    & { customer: (
      Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
      & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
    ) }
  )> }
);

export type CompaniesPageQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  locations: AdminTypes.Scalars['Int']['input'];
}>;


export type CompaniesPageQuery = { companies: { nodes: Array<(
      Pick<AdminTypes.Company, 'id' | 'name' | 'note' | 'externalId' | 'updatedAt'>
      & { locations: { nodes: Array<(
          Pick<AdminTypes.CompanyLocation, 'id' | 'name' | 'externalId' | 'phone' | 'updatedAt'>
          & { taxSettings: Pick<AdminTypes.CompanyLocationTaxSettings, 'taxRegistrationId' | 'taxExempt'>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>> }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, mainContact?: AdminTypes.Maybe<(
        Pick<AdminTypes.CompanyContact, 'id'>
        & { customer: (
          Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
          & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
        ) }
      )> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type CompanyMoreLocationsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type CompanyMoreLocationsQuery = { company?: AdminTypes.Maybe<{ locations: { nodes: Array<(
        Pick<AdminTypes.CompanyLocation, 'id' | 'name' | 'externalId' | 'phone' | 'updatedAt'>
        & { taxSettings: Pick<AdminTypes.CompanyLocationTaxSettings, 'taxRegistrationId' | 'taxExempt'>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type CompanyByIdQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  locations: AdminTypes.Scalars['Int']['input'];
}>;


export type CompanyByIdQuery = { company?: AdminTypes.Maybe<(
    Pick<AdminTypes.Company, 'id' | 'name' | 'note' | 'externalId' | 'updatedAt'>
    & { locations: { nodes: Array<(
        Pick<AdminTypes.CompanyLocation, 'id' | 'name' | 'externalId' | 'phone' | 'updatedAt'>
        & { taxSettings: Pick<AdminTypes.CompanyLocationTaxSettings, 'taxRegistrationId' | 'taxExempt'>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, mainContact?: AdminTypes.Maybe<(
      Pick<AdminTypes.CompanyContact, 'id'>
      & { customer: (
        Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
        & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
      ) }
    )> }
  )> };

export type CompanyUpdateMutationVariables = AdminTypes.Exact<{
  companyId: AdminTypes.Scalars['ID']['input'];
  input: AdminTypes.CompanyInput;
}>;


export type CompanyUpdateMutation = { companyUpdate?: AdminTypes.Maybe<{ company?: AdminTypes.Maybe<Pick<AdminTypes.Company, 'id' | 'updatedAt'>>, userErrors: Array<Pick<AdminTypes.BusinessCustomerUserError, 'field' | 'message' | 'code'>> }> };

export type CompanyLocationUpdateMutationVariables = AdminTypes.Exact<{
  companyLocationId: AdminTypes.Scalars['ID']['input'];
  input: AdminTypes.CompanyLocationUpdateInput;
}>;


export type CompanyLocationUpdateMutation = { companyLocationUpdate?: AdminTypes.Maybe<{ companyLocation?: AdminTypes.Maybe<Pick<AdminTypes.CompanyLocation, 'id' | 'updatedAt'>>, userErrors: Array<Pick<AdminTypes.BusinessCustomerUserError, 'field' | 'message' | 'code'>> }> };

export type CompanyLocationAssignAddressMutationVariables = AdminTypes.Exact<{
  locationId: AdminTypes.Scalars['ID']['input'];
  address: AdminTypes.CompanyAddressInput;
  addressTypes: Array<AdminTypes.CompanyAddressType> | AdminTypes.CompanyAddressType;
}>;


export type CompanyLocationAssignAddressMutation = { companyLocationAssignAddress?: AdminTypes.Maybe<{ addresses?: AdminTypes.Maybe<Array<Pick<AdminTypes.CompanyAddress, 'id'>>>, userErrors: Array<Pick<AdminTypes.BusinessCustomerUserError, 'field' | 'message' | 'code'>> }> };

export type CompanyCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.CompanyCreateInput;
  locations: AdminTypes.Scalars['Int']['input'];
}>;


export type CompanyCreateMutation = { companyCreate?: AdminTypes.Maybe<{ company?: AdminTypes.Maybe<(
      Pick<AdminTypes.Company, 'id' | 'name' | 'note' | 'externalId' | 'updatedAt'>
      & { contactRoles: { nodes: Array<Pick<AdminTypes.CompanyContactRole, 'id' | 'name'>> }, locations: { nodes: Array<(
          Pick<AdminTypes.CompanyLocation, 'id' | 'name' | 'externalId' | 'phone' | 'updatedAt'>
          & { taxSettings: Pick<AdminTypes.CompanyLocationTaxSettings, 'taxRegistrationId' | 'taxExempt'>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>> }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, mainContact?: AdminTypes.Maybe<(
        Pick<AdminTypes.CompanyContact, 'id'>
        & { customer: (
          Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
          & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
        ) }
      )> }
    )>, userErrors: Array<Pick<AdminTypes.BusinessCustomerUserError, 'field' | 'message' | 'code'>> }> };

export type CompaniesByExternalIdQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  locations: AdminTypes.Scalars['Int']['input'];
}>;


export type CompaniesByExternalIdQuery = { companies: { nodes: Array<(
      Pick<AdminTypes.Company, 'id' | 'name' | 'note' | 'externalId' | 'updatedAt'>
      & { contactRoles: { nodes: Array<Pick<AdminTypes.CompanyContactRole, 'id' | 'name'>> }, locations: { nodes: Array<(
          Pick<AdminTypes.CompanyLocation, 'id' | 'name' | 'externalId' | 'phone' | 'updatedAt'>
          & { taxSettings: Pick<AdminTypes.CompanyLocationTaxSettings, 'taxRegistrationId' | 'taxExempt'>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.CompanyAddress, 'id' | 'firstName' | 'lastName' | 'companyName' | 'address1' | 'address2' | 'city' | 'zip' | 'zoneCode' | 'province' | 'countryCode' | 'phone'>> }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, mainContact?: AdminTypes.Maybe<(
        Pick<AdminTypes.CompanyContact, 'id'>
        & { customer: (
          Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
          & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
        ) }
      )> }
    )> } };

export type CompanyContactRevokeRolesMutationVariables = AdminTypes.Exact<{
  companyContactId: AdminTypes.Scalars['ID']['input'];
}>;


export type CompanyContactRevokeRolesMutation = { companyContactRevokeRoles?: AdminTypes.Maybe<(
    Pick<AdminTypes.CompanyContactRevokeRolesPayload, 'revokedRoleAssignmentIds'>
    & { userErrors: Array<Pick<AdminTypes.BusinessCustomerUserError, 'field' | 'message' | 'code'>> }
  )> };

export type CompanyContactAssignRolesMutationVariables = AdminTypes.Exact<{
  companyContactId: AdminTypes.Scalars['ID']['input'];
  rolesToAssign: Array<AdminTypes.CompanyContactRoleAssign> | AdminTypes.CompanyContactRoleAssign;
}>;


export type CompanyContactAssignRolesMutation = { companyContactAssignRoles?: AdminTypes.Maybe<{ roleAssignments?: AdminTypes.Maybe<Array<Pick<AdminTypes.CompanyContactRoleAssignment, 'id'>>>, userErrors: Array<Pick<AdminTypes.BusinessCustomerUserError, 'field' | 'message' | 'code'>> }> };

export type CatalogCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.CatalogCreateInput;
}>;


export type CatalogCreateMutation = { catalogCreate?: AdminTypes.Maybe<{ catalog?: AdminTypes.Maybe<Pick<AdminTypes.AppCatalog, 'id'> | Pick<AdminTypes.CompanyLocationCatalog, 'id'> | Pick<AdminTypes.MarketCatalog, 'id'>>, userErrors: Array<Pick<AdminTypes.CatalogUserError, 'field' | 'message' | 'code'>> }> };

export type PublicationCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.PublicationCreateInput;
}>;


export type PublicationCreateMutation = { publicationCreate?: AdminTypes.Maybe<{ publication?: AdminTypes.Maybe<Pick<AdminTypes.Publication, 'id'>>, userErrors: Array<Pick<AdminTypes.PublicationUserError, 'field' | 'message' | 'code'>> }> };

export type PriceListCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.PriceListCreateInput;
}>;


export type PriceListCreateMutation = { priceListCreate?: AdminTypes.Maybe<{ priceList?: AdminTypes.Maybe<Pick<AdminTypes.PriceList, 'id' | 'currency'>>, userErrors: Array<Pick<AdminTypes.PriceListUserError, 'field' | 'message' | 'code'>> }> };

export type CompanyLocationCatalogsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CompanyLocationCatalogsQuery = { companyLocation?: AdminTypes.Maybe<{ catalogs: { nodes: Array<Pick<AdminTypes.AppCatalog, 'id'> | Pick<AdminTypes.CompanyLocationCatalog, 'id'> | Pick<AdminTypes.MarketCatalog, 'id'>> } }> };

export type CustomerAddressFieldsFragment = Pick<AdminTypes.MailingAddress, 'id' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>;

export type CustomerFieldsFragment = (
  Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName' | 'note' | 'tags' | 'taxExempt' | 'createdAt' | 'updatedAt'>
  & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>>, defaultAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'id' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, addressesV2: { nodes: Array<Pick<AdminTypes.MailingAddress, 'id' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>> } }
);

export type CustomersPageQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  addresses: AdminTypes.Scalars['Int']['input'];
}>;


export type CustomersPageQuery = { customers: { nodes: Array<(
      Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName' | 'note' | 'tags' | 'taxExempt' | 'createdAt' | 'updatedAt'>
      & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>>, defaultAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'id' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, addressesV2: { nodes: Array<Pick<AdminTypes.MailingAddress, 'id' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type CustomersMatchingQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type CustomersMatchingQuery = { customers: { nodes: Array<(
      Pick<AdminTypes.Customer, 'id' | 'createdAt'>
      & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
    )> } };

export type CustomerSetMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.CustomerSetInput;
  identifier?: AdminTypes.InputMaybe<AdminTypes.CustomerSetIdentifiers>;
  addresses: AdminTypes.Scalars['Int']['input'];
}>;


export type CustomerSetMutation = { customerSet?: AdminTypes.Maybe<{ customer?: AdminTypes.Maybe<(
      Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName' | 'note' | 'tags' | 'taxExempt' | 'createdAt' | 'updatedAt'>
      & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>>, defaultAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'id' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, addressesV2: { nodes: Array<Pick<AdminTypes.MailingAddress, 'id' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'province' | 'provinceCode' | 'countryCodeV2' | 'phone'>> } }
    )>, userErrors: Array<Pick<AdminTypes.CustomerSetUserError, 'field' | 'message' | 'code'>> }> };

export type CustomerAddressUpdateMutationVariables = AdminTypes.Exact<{
  customerId: AdminTypes.Scalars['ID']['input'];
  addressId: AdminTypes.Scalars['ID']['input'];
  address: AdminTypes.MailingAddressInput;
}>;


export type CustomerAddressUpdateMutation = { customerAddressUpdate?: AdminTypes.Maybe<{ address?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type CustomerAddressCreateMutationVariables = AdminTypes.Exact<{
  customerId: AdminTypes.Scalars['ID']['input'];
  address: AdminTypes.MailingAddressInput;
}>;


export type CustomerAddressCreateMutation = { customerAddressCreate?: AdminTypes.Maybe<{ address?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type FulfillmentOrderStateFragment = (
  Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'requestStatus' | 'fulfillAt'>
  & { fulfillmentHolds: Array<Pick<AdminTypes.FulfillmentHold, 'id' | 'reason' | 'displayReason'>>, supportedActions: Array<Pick<AdminTypes.FulfillmentOrderSupportedAction, 'action'>>, assignedLocation: (
    Pick<AdminTypes.FulfillmentOrderAssignedLocation, 'name'>
    & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id' | 'isFulfillmentService'>> }
  ) }
);

export type OrderFulfillmentOrdersQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  lines: AdminTypes.Scalars['Int']['input'];
}>;


export type OrderFulfillmentOrdersQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { fulfillmentOrders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'requestStatus' | 'fulfillAt'>
        & { lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
            Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'remainingQuantity'>
            & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
          )> }, fulfillmentHolds: Array<Pick<AdminTypes.FulfillmentHold, 'id' | 'reason' | 'displayReason'>>, supportedActions: Array<Pick<AdminTypes.FulfillmentOrderSupportedAction, 'action'>>, assignedLocation: (
          Pick<AdminTypes.FulfillmentOrderAssignedLocation, 'name'>
          & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id' | 'isFulfillmentService'>> }
        ) }
      )> } }
  )> };

export type FulfillmentOrderLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type FulfillmentOrderLinesQuery = { fulfillmentOrder?: AdminTypes.Maybe<(
    Pick<AdminTypes.FulfillmentOrder, 'id'>
    & { lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
        Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'remainingQuantity'>
        & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
      )> } }
  )> };

export type OrderFulfillmentsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
}>;


export type OrderFulfillmentsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { fulfillmentsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>>, fulfillments: Array<(
      Pick<AdminTypes.Fulfillment, 'id' | 'createdAt' | 'status'>
      & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }
    )> }
  )> };

export type FulfillmentLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type FulfillmentLinesQuery = { fulfillment?: AdminTypes.Maybe<(
    Pick<AdminTypes.Fulfillment, 'id'>
    & { fulfillmentLineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
        Pick<AdminTypes.FulfillmentLineItem, 'quantity'>
        & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
      )> } }
  )> };

export type FulfillmentCreateMutationVariables = AdminTypes.Exact<{
  fulfillment: AdminTypes.FulfillmentInput;
}>;


export type FulfillmentCreateMutation = { fulfillmentCreate?: AdminTypes.Maybe<{ fulfillment?: AdminTypes.Maybe<Pick<AdminTypes.Fulfillment, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type FulfillmentOrderReleaseHoldMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  holdIds?: AdminTypes.InputMaybe<Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input']>;
}>;


export type FulfillmentOrderReleaseHoldMutation = { fulfillmentOrderReleaseHold?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderReleaseHoldUserError, 'field' | 'message' | 'code'>> }> };

export type FulfillmentOrderOpenMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type FulfillmentOrderOpenMutation = { fulfillmentOrderOpen?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type InventorySetQuantitiesMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.InventorySetQuantitiesInput;
  key: AdminTypes.Scalars['String']['input'];
}>;


export type InventorySetQuantitiesMutation = { inventorySetQuantities?: AdminTypes.Maybe<{ inventoryAdjustmentGroup?: AdminTypes.Maybe<Pick<AdminTypes.InventoryAdjustmentGroup, 'id'>>, userErrors: Array<Pick<AdminTypes.InventorySetQuantitiesUserError, 'field' | 'message' | 'code'>> }> };

export type InventoryLevelsOfItemsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
  locations: AdminTypes.Scalars['Int']['input'];
}>;


export type InventoryLevelsOfItemsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.InventoryItem, 'id' | 'tracked'>
    & { inventoryLevels: { nodes: Array<{ location: Pick<AdminTypes.Location, 'id'>, quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }> } }
  )>> };

export type InventoryActivateMutationVariables = AdminTypes.Exact<{
  inventoryItemId: AdminTypes.Scalars['ID']['input'];
  locationId: AdminTypes.Scalars['ID']['input'];
  available?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  key: AdminTypes.Scalars['String']['input'];
}>;


export type InventoryActivateMutation = { inventoryActivate?: AdminTypes.Maybe<{ inventoryLevel?: AdminTypes.Maybe<Pick<AdminTypes.InventoryLevel, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type InventoryItemTrackMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type InventoryItemTrackMutation = { inventoryItemUpdate?: AdminTypes.Maybe<{ inventoryItem?: AdminTypes.Maybe<Pick<AdminTypes.InventoryItem, 'id' | 'tracked'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type BulkOperationRunQueryMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type BulkOperationRunQueryMutation = { bulkOperationRunQuery?: AdminTypes.Maybe<{ bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.BulkOperationUserError, 'field' | 'message' | 'code'>> }> };

export type ProductsMediaQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type ProductsMediaQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id'>
    & { media: { nodes: Array<Pick<AdminTypes.ExternalVideo, 'id' | 'status'> | (
        Pick<AdminTypes.MediaImage, 'id' | 'status'>
        & { image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url'>> }
      ) | Pick<AdminTypes.Model3d, 'id' | 'status'> | Pick<AdminTypes.Video, 'id' | 'status'>> }, variants: { nodes: Array<(
        Pick<AdminTypes.ProductVariant, 'id'>
        & { media: { nodes: Array<Pick<AdminTypes.ExternalVideo, 'id' | 'status'> | (
            Pick<AdminTypes.MediaImage, 'id' | 'status'>
            & { image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url'>> }
          ) | Pick<AdminTypes.Model3d, 'id' | 'status'> | Pick<AdminTypes.Video, 'id' | 'status'>> } }
      )> } }
  )>> };

export type StagedImageUploadsMutationVariables = AdminTypes.Exact<{
  input: Array<AdminTypes.StagedUploadInput> | AdminTypes.StagedUploadInput;
}>;


export type StagedImageUploadsMutation = { stagedUploadsCreate?: AdminTypes.Maybe<{ stagedTargets?: AdminTypes.Maybe<Array<(
      Pick<AdminTypes.StagedMediaUploadTarget, 'url' | 'resourceUrl'>
      & { parameters: Array<Pick<AdminTypes.StagedUploadParameter, 'name' | 'value'>> }
    )>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type ProductAddMediaMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  media: Array<AdminTypes.CreateMediaInput> | AdminTypes.CreateMediaInput;
}>;


export type ProductAddMediaMutation = { productUpdate?: AdminTypes.Maybe<{ product?: AdminTypes.Maybe<(
      Pick<AdminTypes.Product, 'id'>
      & { media: { nodes: Array<Pick<AdminTypes.ExternalVideo, 'id'> | Pick<AdminTypes.MediaImage, 'id'> | Pick<AdminTypes.Model3d, 'id'> | Pick<AdminTypes.Video, 'id'>> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type FileReplaceMutationVariables = AdminTypes.Exact<{
  files: Array<AdminTypes.FileUpdateInput> | AdminTypes.FileUpdateInput;
}>;


export type FileReplaceMutation = { fileUpdate?: AdminTypes.Maybe<{ files?: AdminTypes.Maybe<Array<Pick<AdminTypes.ExternalVideo, 'id' | 'fileStatus'> | Pick<AdminTypes.GenericFile, 'id' | 'fileStatus'> | Pick<AdminTypes.MediaImage, 'id' | 'fileStatus'> | Pick<AdminTypes.Model3d, 'id' | 'fileStatus'> | Pick<AdminTypes.Video, 'id' | 'fileStatus'>>>, userErrors: Array<Pick<AdminTypes.FilesUserError, 'field' | 'message' | 'code'>> }> };

export type VariantSetMediaMutationVariables = AdminTypes.Exact<{
  productId: AdminTypes.Scalars['ID']['input'];
  media: Array<AdminTypes.CreateMediaInput> | AdminTypes.CreateMediaInput;
  variants: Array<AdminTypes.ProductVariantsBulkInput> | AdminTypes.ProductVariantsBulkInput;
}>;


export type VariantSetMediaMutation = { productVariantsBulkUpdate?: AdminTypes.Maybe<{ productVariants?: AdminTypes.Maybe<Array<(
      Pick<AdminTypes.ProductVariant, 'id'>
      & { media: { nodes: Array<Pick<AdminTypes.ExternalVideo, 'id'> | Pick<AdminTypes.MediaImage, 'id'> | Pick<AdminTypes.Model3d, 'id'> | Pick<AdminTypes.Video, 'id'>> } }
    )>>, userErrors: Array<Pick<AdminTypes.ProductVariantsBulkUpdateUserError, 'field' | 'message' | 'code'>> }> };

export type OrdersBulkQueryVariables = AdminTypes.Exact<{
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrdersBulkQuery = { orders: { edges: Array<{ node: (
        Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'cancelledAt' | 'test' | 'email' | 'phone' | 'currencyCode' | 'presentmentCurrencyCode' | 'taxesIncluded' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'sourceName' | 'tags' | 'note' | 'poNumber'>
        & { transactions: Array<(
          Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
          & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
        )>, refunds: Array<Pick<AdminTypes.Refund, 'id' | 'updatedAt'>>, lineItems: { edges: Array<{ node: (
              { __typename: 'LineItem' }
              & Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'quantity' | 'currentQuantity' | 'isGiftCard' | 'requiresShipping'>
              & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'barcode'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
            ) }> }, shippingLines: { edges: Array<{ node: (
              { __typename: 'ShippingLine' }
              & Pick<AdminTypes.ShippingLine, 'title' | 'code'>
              & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
            ) }> }, customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, attribution?: AdminTypes.Maybe<Pick<AdminTypes.OrderAttribution, 'handle'>>, customer?: AdminTypes.Maybe<(
          Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
          & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
        )>, purchasingEntity?: AdminTypes.Maybe<{ company: Pick<AdminTypes.Company, 'id'>, location: Pick<AdminTypes.CompanyLocation, 'id'> }>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, currentShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, cartDiscountAmountSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, currentCartDiscountAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      ) }> } };

export type BulkOperationRunGroupedQueryMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type BulkOperationRunGroupedQueryMutation = { bulkOperationRunQuery?: AdminTypes.Maybe<{ bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.BulkOperationUserError, 'field' | 'message' | 'code'>> }> };

export type RecentBulkQueriesQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type RecentBulkQueriesQuery = { bulkOperations: { nodes: Array<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'query'>> } };

export type OrderFieldsFragment = (
  Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'cancelledAt' | 'test' | 'email' | 'phone' | 'currencyCode' | 'presentmentCurrencyCode' | 'taxesIncluded' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'sourceName' | 'tags' | 'note' | 'poNumber'>
  & { customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, attribution?: AdminTypes.Maybe<Pick<AdminTypes.OrderAttribution, 'handle'>>, customer?: AdminTypes.Maybe<(
    Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
    & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
  )>, purchasingEntity?: AdminTypes.Maybe<{ company: Pick<AdminTypes.Company, 'id'>, location: Pick<AdminTypes.CompanyLocation, 'id'> }>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, currentShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, cartDiscountAmountSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, currentCartDiscountAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
);

export type OrderHeaderFieldsFragment = (
  Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'cancelledAt' | 'test' | 'email' | 'phone' | 'currencyCode' | 'presentmentCurrencyCode' | 'taxesIncluded' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'sourceName' | 'tags' | 'note' | 'poNumber'>
  & { shippingLines: { nodes: Array<(
      Pick<AdminTypes.ShippingLine, 'title' | 'code'>
      & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, transactions: Array<(
    Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
    & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
  )>, refunds: Array<Pick<AdminTypes.Refund, 'id' | 'updatedAt'>>, customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, attribution?: AdminTypes.Maybe<Pick<AdminTypes.OrderAttribution, 'handle'>>, customer?: AdminTypes.Maybe<(
    Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
    & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
  )>, purchasingEntity?: AdminTypes.Maybe<{ company: Pick<AdminTypes.Company, 'id'>, location: Pick<AdminTypes.CompanyLocation, 'id'> }>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, currentShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, cartDiscountAmountSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, currentCartDiscountAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
);

export type OrderShippingLineFieldsFragment = (
  Pick<AdminTypes.ShippingLine, 'title' | 'code'>
  & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
);

export type OrderTransactionFieldsFragment = (
  Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
  & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
);

export type OrderLineFieldsFragment = (
  Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'quantity' | 'currentQuantity' | 'isGiftCard' | 'requiresShipping'>
  & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'barcode'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
);

export type OrdersPageQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  lines: AdminTypes.Scalars['Int']['input'];
}>;


export type OrdersPageQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'cancelledAt' | 'test' | 'email' | 'phone' | 'currencyCode' | 'presentmentCurrencyCode' | 'taxesIncluded' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'sourceName' | 'tags' | 'note' | 'poNumber'>
      & { lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'quantity' | 'currentQuantity' | 'isGiftCard' | 'requiresShipping'>
          & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'barcode'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, shippingLines: { nodes: Array<(
          Pick<AdminTypes.ShippingLine, 'title' | 'code'>
          & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, transactions: Array<(
        Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
        & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, refunds: Array<Pick<AdminTypes.Refund, 'id' | 'updatedAt'>>, customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, attribution?: AdminTypes.Maybe<Pick<AdminTypes.OrderAttribution, 'handle'>>, customer?: AdminTypes.Maybe<(
        Pick<AdminTypes.Customer, 'id' | 'firstName' | 'lastName'>
        & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
      )>, purchasingEntity?: AdminTypes.Maybe<{ company: Pick<AdminTypes.Company, 'id'>, location: Pick<AdminTypes.CompanyLocation, 'id'> }>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, currentShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, cartDiscountAmountSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, currentCartDiscountAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type OrderRestQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  linesAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  withLines: AdminTypes.Scalars['Boolean']['input'];
  shippingAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  withShipping: AdminTypes.Scalars['Boolean']['input'];
  withTransactions: AdminTypes.Scalars['Boolean']['input'];
  withRefunds: AdminTypes.Scalars['Boolean']['input'];
}>;


export type OrderRestQuery = { order?: AdminTypes.Maybe<{ lineItems?: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'quantity' | 'currentQuantity' | 'isGiftCard' | 'requiresShipping'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'barcode'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, shippingLines?: { nodes: Array<(
        Pick<AdminTypes.ShippingLine, 'title' | 'code'>
        & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, transactions?: Array<(
      Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
      & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )>, refunds?: Array<Pick<AdminTypes.Refund, 'id' | 'updatedAt'>> }> };

export type OrderSetAttributesMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.OrderInput;
}>;


export type OrderSetAttributesMutation = { orderUpdate?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'updatedAt'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type OrderCloseMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.OrderCloseInput;
}>;


export type OrderCloseMutation = { orderClose?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'closed'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type PayoutsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type PayoutsQuery = { shopifyPaymentsAccount?: AdminTypes.Maybe<{ payouts: { nodes: Array<(
        Pick<AdminTypes.ShopifyPaymentsPayout, 'id' | 'status' | 'issuedAt'>
        & { net: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, summary: { chargesGross: Pick<AdminTypes.MoneyV2, 'amount'>, chargesFee: Pick<AdminTypes.MoneyV2, 'amount'>, refundsFeeGross: Pick<AdminTypes.MoneyV2, 'amount'>, refundsFee: Pick<AdminTypes.MoneyV2, 'amount'>, adjustmentsGross: Pick<AdminTypes.MoneyV2, 'amount'>, adjustmentsFee: Pick<AdminTypes.MoneyV2, 'amount'>, advanceGross: Pick<AdminTypes.MoneyV2, 'amount'>, advanceFees: Pick<AdminTypes.MoneyV2, 'amount'>, reservedFundsGross: Pick<AdminTypes.MoneyV2, 'amount'>, reservedFundsFee: Pick<AdminTypes.MoneyV2, 'amount'>, retriedPayoutsGross: Pick<AdminTypes.MoneyV2, 'amount'>, retriedPayoutsFee: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type BalanceTransactionsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BalanceTransactionsQuery = { shopifyPaymentsAccount?: AdminTypes.Maybe<{ balanceTransactions: { nodes: Array<(
        Pick<AdminTypes.ShopifyPaymentsBalanceTransaction, 'id' | 'type' | 'transactionDate'>
        & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, fee: Pick<AdminTypes.MoneyV2, 'amount'>, net: Pick<AdminTypes.MoneyV2, 'amount'>, associatedPayout: Pick<AdminTypes.ShopifyPaymentsBalanceTransactionAssociatedPayout, 'id' | 'status'>, associatedOrder?: AdminTypes.Maybe<Pick<AdminTypes.ShopifyPaymentsAssociatedOrder, 'id'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type VariantFieldsFragment = (
  Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'barcode' | 'price' | 'compareAtPrice' | 'taxable' | 'inventoryPolicy' | 'updatedAt'>
  & { selectedOptions: Array<Pick<AdminTypes.SelectedOption, 'name' | 'value'>>, inventoryItem: (
    Pick<AdminTypes.InventoryItem, 'id' | 'tracked'>
    & { unitCost?: AdminTypes.Maybe<Pick<AdminTypes.MoneyV2, 'amount'>>, measurement: { weight?: AdminTypes.Maybe<Pick<AdminTypes.Weight, 'unit' | 'value'>> } }
  ) }
);

export type ProductFieldsFragment = Pick<AdminTypes.Product, 'id' | 'title' | 'handle' | 'status' | 'vendor' | 'productType' | 'tags' | 'descriptionHtml' | 'isGiftCard' | 'updatedAt'>;

export type ProductsPageQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  variants: AdminTypes.Scalars['Int']['input'];
}>;


export type ProductsPageQuery = { products: { nodes: Array<(
      Pick<AdminTypes.Product, 'id' | 'title' | 'handle' | 'status' | 'vendor' | 'productType' | 'tags' | 'descriptionHtml' | 'isGiftCard' | 'updatedAt'>
      & { variants: { nodes: Array<(
          Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'barcode' | 'price' | 'compareAtPrice' | 'taxable' | 'inventoryPolicy' | 'updatedAt'>
          & { selectedOptions: Array<Pick<AdminTypes.SelectedOption, 'name' | 'value'>>, inventoryItem: (
            Pick<AdminTypes.InventoryItem, 'id' | 'tracked'>
            & { unitCost?: AdminTypes.Maybe<Pick<AdminTypes.MoneyV2, 'amount'>>, measurement: { weight?: AdminTypes.Maybe<Pick<AdminTypes.Weight, 'unit' | 'value'>> } }
          ) }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type ProductMoreVariantsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ProductMoreVariantsQuery = { product?: AdminTypes.Maybe<{ variants: { nodes: Array<(
        Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'barcode' | 'price' | 'compareAtPrice' | 'taxable' | 'inventoryPolicy' | 'updatedAt'>
        & { selectedOptions: Array<Pick<AdminTypes.SelectedOption, 'name' | 'value'>>, inventoryItem: (
          Pick<AdminTypes.InventoryItem, 'id' | 'tracked'>
          & { unitCost?: AdminTypes.Maybe<Pick<AdminTypes.MoneyV2, 'amount'>>, measurement: { weight?: AdminTypes.Maybe<Pick<AdminTypes.Weight, 'unit' | 'value'>> } }
        ) }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type ProductUpdateMutationVariables = AdminTypes.Exact<{
  product: AdminTypes.ProductUpdateInput;
}>;


export type ProductUpdateMutation = { productUpdate?: AdminTypes.Maybe<{ product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'updatedAt'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type VariantsBulkUpdateMutationVariables = AdminTypes.Exact<{
  productId: AdminTypes.Scalars['ID']['input'];
  variants: Array<AdminTypes.ProductVariantsBulkInput> | AdminTypes.ProductVariantsBulkInput;
}>;


export type VariantsBulkUpdateMutation = { productVariantsBulkUpdate?: AdminTypes.Maybe<{ product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'updatedAt'>>, productVariants?: AdminTypes.Maybe<Array<Pick<AdminTypes.ProductVariant, 'id'>>>, userErrors: Array<Pick<AdminTypes.ProductVariantsBulkUpdateUserError, 'field' | 'message' | 'code'>> }> };

export type VariantsBulkCreateMutationVariables = AdminTypes.Exact<{
  productId: AdminTypes.Scalars['ID']['input'];
  variants: Array<AdminTypes.ProductVariantsBulkInput> | AdminTypes.ProductVariantsBulkInput;
}>;


export type VariantsBulkCreateMutation = { productVariantsBulkCreate?: AdminTypes.Maybe<{ product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'updatedAt'>>, productVariants?: AdminTypes.Maybe<Array<(
      Pick<AdminTypes.ProductVariant, 'id' | 'sku'>
      & { inventoryItem: Pick<AdminTypes.InventoryItem, 'id'> }
    )>>, userErrors: Array<Pick<AdminTypes.ProductVariantsBulkCreateUserError, 'field' | 'message' | 'code'>> }> };

export type ProductSetMutationVariables = AdminTypes.Exact<{
  identifier?: AdminTypes.InputMaybe<AdminTypes.ProductSetIdentifiers>;
  input: AdminTypes.ProductSetInput;
}>;


export type ProductSetMutation = { productSet?: AdminTypes.Maybe<{ product?: AdminTypes.Maybe<(
      Pick<AdminTypes.Product, 'id' | 'title' | 'handle' | 'status' | 'vendor' | 'productType' | 'tags' | 'descriptionHtml' | 'isGiftCard' | 'updatedAt'>
      & { variants: { nodes: Array<(
          Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'barcode' | 'price' | 'compareAtPrice' | 'taxable' | 'inventoryPolicy' | 'updatedAt'>
          & { selectedOptions: Array<Pick<AdminTypes.SelectedOption, 'name' | 'value'>>, inventoryItem: (
            Pick<AdminTypes.InventoryItem, 'id' | 'tracked'>
            & { unitCost?: AdminTypes.Maybe<Pick<AdminTypes.MoneyV2, 'amount'>>, measurement: { weight?: AdminTypes.Maybe<Pick<AdminTypes.Weight, 'unit' | 'value'>> } }
          ) }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.ProductSetUserError, 'field' | 'message' | 'code'>> }> };

export type ProductsBySkuQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  first: AdminTypes.Scalars['Int']['input'];
}>;


export type ProductsBySkuQuery = { products: { nodes: Array<(
      Pick<AdminTypes.Product, 'id' | 'title' | 'handle' | 'status' | 'vendor' | 'productType' | 'tags' | 'descriptionHtml' | 'isGiftCard' | 'updatedAt'>
      & { variants: { nodes: Array<(
          Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'barcode' | 'price' | 'compareAtPrice' | 'taxable' | 'inventoryPolicy' | 'updatedAt'>
          & { selectedOptions: Array<Pick<AdminTypes.SelectedOption, 'name' | 'value'>>, inventoryItem: (
            Pick<AdminTypes.InventoryItem, 'id' | 'tracked'>
            & { unitCost?: AdminTypes.Maybe<Pick<AdminTypes.MoneyV2, 'amount'>>, measurement: { weight?: AdminTypes.Maybe<Pick<AdminTypes.Weight, 'unit' | 'value'>> } }
          ) }
        )> } }
    )> } };

export type RefundDetailsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lines: AdminTypes.Scalars['Int']['input'];
  parts: AdminTypes.Scalars['Int']['input'];
  linesAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  shippingAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  adjustmentsAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  transactionsAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type RefundDetailsQuery = { node?: AdminTypes.Maybe<(
    Pick<AdminTypes.Refund, 'id' | 'createdAt' | 'updatedAt' | 'note'>
    & { order: Pick<AdminTypes.Order, 'id'>, return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id'>>, totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, refundLineItems: { nodes: Array<(
        Pick<AdminTypes.RefundLineItem, 'id' | 'quantity' | 'restockType' | 'restocked'>
        & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>>, lineItem: Pick<AdminTypes.LineItem, 'id'>, priceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, subtotalSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalTaxSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, refundShippingLines: { nodes: Array<{ shippingLine: Pick<AdminTypes.ShippingLine, 'title'>, subtotalAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, taxAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, orderAdjustments: { nodes: Array<(
        Pick<AdminTypes.OrderAdjustment, 'reason'>
        & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, taxAmountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, transactions: { nodes: Array<(
        Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
        & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )> };

export type ShopInfoQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopInfoQuery = { shop: (
    Pick<AdminTypes.Shop, 'id' | 'name' | 'email' | 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone' | 'timezoneAbbreviation'>
    & { plan: Pick<AdminTypes.ShopPlan, 'publicDisplayName' | 'shopifyPlus' | 'partnerDevelopment'>, primaryDomain: Pick<AdminTypes.Domain, 'host'> }
  ) };

export type ShopLocationsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ShopLocationsQuery = { locations: { nodes: Array<(
      Pick<AdminTypes.Location, 'id' | 'name' | 'isActive' | 'fulfillsOnlineOrders' | 'shipsInventory'>
      & { address: Pick<AdminTypes.LocationAddress, 'city' | 'countryCode'> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type WebhookSubscriptionsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type WebhookSubscriptionsQuery = { webhookSubscriptions: { nodes: Array<Pick<AdminTypes.WebhookSubscription, 'id' | 'topic' | 'uri' | 'format'>>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type WebhookSubscriptionCreateMutationVariables = AdminTypes.Exact<{
  topic: AdminTypes.WebhookSubscriptionTopic;
  subscription: AdminTypes.WebhookSubscriptionInput;
}>;


export type WebhookSubscriptionCreateMutation = { webhookSubscriptionCreate?: AdminTypes.Maybe<{ webhookSubscription?: AdminTypes.Maybe<Pick<AdminTypes.WebhookSubscription, 'id' | 'topic' | 'uri'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type WebhookSubscriptionUpdateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  subscription: AdminTypes.WebhookSubscriptionInput;
}>;


export type WebhookSubscriptionUpdateMutation = { webhookSubscriptionUpdate?: AdminTypes.Maybe<{ webhookSubscription?: AdminTypes.Maybe<Pick<AdminTypes.WebhookSubscription, 'id' | 'topic' | 'uri'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type WebhookSubscriptionDeleteMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type WebhookSubscriptionDeleteMutation = { webhookSubscriptionDelete?: AdminTypes.Maybe<(
    Pick<AdminTypes.WebhookSubscriptionDeletePayload, 'deletedWebhookSubscriptionId'>
    & { userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }
  )> };

interface GeneratedQueryTypes {
  "#graphql\n  query BaselineOrdersToImport($after: String, $query: String) {\n    orders(first: 25, after: $after, query: $query) {\n      nodes { id name createdAt updatedAt closed displayFinancialStatus displayFulfillmentStatus tags totalPriceSet { shopMoney { amount } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": {return: BaselineOrdersToImportQuery, variables: BaselineOrdersToImportQueryVariables},
  "#graphql\n  query BaselineOrderHeader($id: ID!) {\n    order(id: $id) { ...OrderHeaderFields }\n  }\n  #graphql\n  fragment OrderHeaderFields on Order {\n    ...OrderFields\n    shippingLines(first: 2) {\n      nodes { ...OrderShippingLineFields }\n      pageInfo { hasNextPage endCursor }\n    }\n    transactions(first: 3) { ...OrderTransactionFields }\n    refunds(first: 3) { id updatedAt }\n  }\n  #graphql\n  fragment OrderFields on Order {\n    id\n    name\n    createdAt\n    updatedAt\n    closed\n    cancelledAt\n    test\n    email\n    phone\n    currencyCode\n    presentmentCurrencyCode\n    taxesIncluded\n    displayFinancialStatus\n    displayFulfillmentStatus\n    sourceName\n    tags\n    note\n    poNumber\n    customAttributes { key value }\n    attribution { handle }\n    customer { id defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } firstName lastName }\n    purchasingEntity { ... on PurchasingCompany { company { id } location { id } } }\n    billingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    shippingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    subtotalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    currentShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountsSet { shopMoney { amount } presentmentMoney { amount } }\n    cartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }\n    currentCartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }\n    totalTaxSet { shopMoney { amount } presentmentMoney { amount } }\n    totalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n\n  #graphql\n  fragment OrderShippingLineFields on ShippingLine {\n    title code originalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n  fragment OrderTransactionFields on OrderTransaction {\n    id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n": {return: BaselineOrderHeaderQuery, variables: BaselineOrderHeaderQueryVariables},
  "#graphql\n  query BaselineOrderLines($id: ID!, $after: String) {\n    order(id: $id) {\n      lineItems(first: 10, after: $after) {\n        nodes { ...OrderLineFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n  #graphql\n  fragment OrderLineFields on LineItem {\n    id\n    sku\n    title\n    quantity\n    currentQuantity\n    isGiftCard\n    requiresShipping\n    variant { id barcode }\n    originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n": {return: BaselineOrderLinesQuery, variables: BaselineOrderLinesQueryVariables},
  "#graphql\n  query BaselineCustomerIds($after: String, $query: String) {\n    customers(first: 200, after: $after, query: $query) {\n      edges { cursor node { id updatedAt } }\n      pageInfo { hasNextPage }\n    }\n  }\n": {return: BaselineCustomerIdsQuery, variables: BaselineCustomerIdsQueryVariables},
  "#graphql\n  query BaselineCustomer($id: ID!, $addresses: Int!) {\n    customer(id: $id) { ...CustomerFields }\n  }\n  #graphql\n  fragment CustomerFields on Customer {\n    id\n    firstName\n    lastName\n    defaultEmailAddress { emailAddress }\n    defaultPhoneNumber { phoneNumber }\n    note\n    tags\n    taxExempt\n    createdAt\n    updatedAt\n    defaultAddress { ...CustomerAddressFields }\n    addressesV2(first: $addresses) { nodes { ...CustomerAddressFields } }\n  }\n  #graphql\n  fragment CustomerAddressFields on MailingAddress {\n    id\n    firstName\n    lastName\n    company\n    address1\n    address2\n    city\n    zip\n    province\n    provinceCode\n    countryCodeV2\n    phone\n  }\n\n\n": {return: BaselineCustomerQuery, variables: BaselineCustomerQueryVariables},
  "#graphql\n  query BaselineLocationLevels($id: ID!, $after: String) {\n    location(id: $id) {\n      inventoryLevels(first: 100, after: $after) {\n        edges { cursor node { id quantities(names: [\"available\"]) { name quantity } item { id variant { id product { id } } } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n": {return: BaselineLocationLevelsQuery, variables: BaselineLocationLevelsQueryVariables},
  "#graphql\n  query BaselineProductIds($after: String, $query: String) {\n    products(first: 200, after: $after, query: $query) {\n      edges { cursor node { id updatedAt } }\n      pageInfo { hasNextPage }\n    }\n  }\n": {return: BaselineProductIdsQuery, variables: BaselineProductIdsQueryVariables},
  "#graphql\n  query BaselineProduct($id: ID!) {\n    product(id: $id) {\n      ...ProductFields\n      variants(first: 100) { nodes { id } }\n    }\n  }\n  #graphql\n  fragment ProductFields on Product {\n    id\n    title\n    handle\n    status\n    vendor\n    productType\n    tags\n    descriptionHtml\n    isGiftCard\n    updatedAt\n  }\n\n": {return: BaselineProductQuery, variables: BaselineProductQueryVariables},
  "#graphql\n  query BaselineVariant($id: ID!) {\n    productVariant(id: $id) { ...VariantFields }\n  }\n  #graphql\n  fragment VariantFields on ProductVariant {\n    id\n    title\n    sku\n    barcode\n    price\n    compareAtPrice\n    taxable\n    inventoryPolicy\n    updatedAt\n    selectedOptions { name value }\n    inventoryItem {\n      id\n      tracked\n      unitCost { amount }\n      measurement { weight { unit value } }\n    }\n  }\n\n": {return: BaselineVariantQuery, variables: BaselineVariantQueryVariables},
  "#graphql\n  query BulkOperationStatus($id: ID!) {\n    bulkOperation(id: $id) { ...BulkOperationFields }\n  }\n  #graphql\n  fragment BulkOperationFields on BulkOperation {\n    id\n    status\n    errorCode\n    objectCount\n    url\n    partialDataUrl\n    completedAt\n    createdAt\n  }\n\n": {return: BulkOperationStatusQuery, variables: BulkOperationStatusQueryVariables},
  "#graphql\n  query RunningBulkMutations {\n    bulkOperations(first: 5, query: \"operation_type:mutation AND (status:created OR status:running)\") {\n      nodes { ...BulkOperationFields }\n    }\n  }\n  #graphql\n  fragment BulkOperationFields on BulkOperation {\n    id\n    status\n    errorCode\n    objectCount\n    url\n    partialDataUrl\n    completedAt\n    createdAt\n  }\n\n": {return: RunningBulkMutationsQuery, variables: RunningBulkMutationsQueryVariables},
  "#graphql\n  query CatalogsPage($first: Int!, $after: String, $type: CatalogType!, $query: String) {\n    catalogs(first: $first, after: $after, type: $type, query: $query) {\n      nodes {\n        id\n        title\n        status\n        priceList { id currency }\n        publication { id }\n        ... on CompanyLocationCatalog {\n          companyLocations(first: 5) { nodes { id company { id } } }\n        }\n        ... on MarketCatalog {\n          markets(first: 5) { nodes { id } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": {return: CatalogsPageQuery, variables: CatalogsPageQueryVariables},
  "#graphql\n  query PublicationProducts($id: ID!, $first: Int!, $after: String) {\n    publication(id: $id) {\n      products(first: $first, after: $after) {\n        nodes { id }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": {return: PublicationProductsQuery, variables: PublicationProductsQueryVariables},
  "#graphql\n  query PriceListFixedPrices($id: ID!, $first: Int!, $after: String) {\n    priceList(id: $id) {\n      currency\n      prices(first: $first, after: $after, originType: FIXED) {\n        nodes {\n          variant { id }\n          price { amount currencyCode }\n          compareAtPrice { amount currencyCode }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": {return: PriceListFixedPricesQuery, variables: PriceListFixedPricesQueryVariables},
  "#graphql\n  query CompaniesPage($first: Int!, $after: String, $query: String, $locations: Int!) {\n    companies(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {\n      nodes {\n        ...CompanyFields\n        locations(first: $locations) {\n          nodes { ...CompanyLocationFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n  #graphql\n  fragment CompanyFields on Company {\n    id\n    name\n    note\n    externalId\n    updatedAt\n    mainContact {\n      id\n      customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }\n    }\n  }\n\n  #graphql\n  fragment CompanyLocationFields on CompanyLocation {\n    id\n    name\n    externalId\n    phone\n    updatedAt\n    taxSettings { taxRegistrationId taxExempt }\n    billingAddress { ...CompanyAddressFields }\n    shippingAddress { ...CompanyAddressFields }\n  }\n  #graphql\n  fragment CompanyAddressFields on CompanyAddress {\n    id\n    firstName\n    lastName\n    companyName\n    address1\n    address2\n    city\n    zip\n    zoneCode\n    province\n    countryCode\n    phone\n  }\n\n\n": {return: CompaniesPageQuery, variables: CompaniesPageQueryVariables},
  "#graphql\n  query CompanyMoreLocations($id: ID!, $after: String) {\n    company(id: $id) {\n      locations(first: 50, after: $after) {\n        nodes { ...CompanyLocationFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n  #graphql\n  fragment CompanyLocationFields on CompanyLocation {\n    id\n    name\n    externalId\n    phone\n    updatedAt\n    taxSettings { taxRegistrationId taxExempt }\n    billingAddress { ...CompanyAddressFields }\n    shippingAddress { ...CompanyAddressFields }\n  }\n  #graphql\n  fragment CompanyAddressFields on CompanyAddress {\n    id\n    firstName\n    lastName\n    companyName\n    address1\n    address2\n    city\n    zip\n    zoneCode\n    province\n    countryCode\n    phone\n  }\n\n\n": {return: CompanyMoreLocationsQuery, variables: CompanyMoreLocationsQueryVariables},
  "#graphql\n  query CompanyById($id: ID!, $locations: Int!) {\n    company(id: $id) {\n      ...CompanyFields\n      locations(first: $locations) {\n        nodes { ...CompanyLocationFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n  #graphql\n  fragment CompanyFields on Company {\n    id\n    name\n    note\n    externalId\n    updatedAt\n    mainContact {\n      id\n      customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }\n    }\n  }\n\n  #graphql\n  fragment CompanyLocationFields on CompanyLocation {\n    id\n    name\n    externalId\n    phone\n    updatedAt\n    taxSettings { taxRegistrationId taxExempt }\n    billingAddress { ...CompanyAddressFields }\n    shippingAddress { ...CompanyAddressFields }\n  }\n  #graphql\n  fragment CompanyAddressFields on CompanyAddress {\n    id\n    firstName\n    lastName\n    companyName\n    address1\n    address2\n    city\n    zip\n    zoneCode\n    province\n    countryCode\n    phone\n  }\n\n\n": {return: CompanyByIdQuery, variables: CompanyByIdQueryVariables},
  "#graphql\n  query CompaniesByExternalId($query: String!, $locations: Int!) {\n    companies(first: 1, query: $query) {\n      nodes {\n        ...CompanyFields\n        contactRoles(first: 10) { nodes { id name } }\n        locations(first: $locations) {\n          nodes { ...CompanyLocationFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment CompanyFields on Company {\n    id\n    name\n    note\n    externalId\n    updatedAt\n    mainContact {\n      id\n      customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }\n    }\n  }\n\n  #graphql\n  fragment CompanyLocationFields on CompanyLocation {\n    id\n    name\n    externalId\n    phone\n    updatedAt\n    taxSettings { taxRegistrationId taxExempt }\n    billingAddress { ...CompanyAddressFields }\n    shippingAddress { ...CompanyAddressFields }\n  }\n  #graphql\n  fragment CompanyAddressFields on CompanyAddress {\n    id\n    firstName\n    lastName\n    companyName\n    address1\n    address2\n    city\n    zip\n    zoneCode\n    province\n    countryCode\n    phone\n  }\n\n\n": {return: CompaniesByExternalIdQuery, variables: CompaniesByExternalIdQueryVariables},
  "#graphql\n  query CompanyLocationCatalogs($id: ID!) {\n    companyLocation(id: $id) { catalogs(first: 1) { nodes { id } } }\n  }\n": {return: CompanyLocationCatalogsQuery, variables: CompanyLocationCatalogsQueryVariables},
  "#graphql\n  query CustomersPage($first: Int!, $after: String, $query: String, $addresses: Int!) {\n    customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {\n      nodes { ...CustomerFields }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n  #graphql\n  fragment CustomerFields on Customer {\n    id\n    firstName\n    lastName\n    defaultEmailAddress { emailAddress }\n    defaultPhoneNumber { phoneNumber }\n    note\n    tags\n    taxExempt\n    createdAt\n    updatedAt\n    defaultAddress { ...CustomerAddressFields }\n    addressesV2(first: $addresses) { nodes { ...CustomerAddressFields } }\n  }\n  #graphql\n  fragment CustomerAddressFields on MailingAddress {\n    id\n    firstName\n    lastName\n    company\n    address1\n    address2\n    city\n    zip\n    province\n    provinceCode\n    countryCodeV2\n    phone\n  }\n\n\n": {return: CustomersPageQuery, variables: CustomersPageQueryVariables},
  "#graphql\n  query CustomersMatching($query: String!) {\n    customers(first: 5, query: $query) {\n      nodes { id createdAt defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }\n    }\n  }\n": {return: CustomersMatchingQuery, variables: CustomersMatchingQueryVariables},
  "#graphql\n  #graphql\n  fragment FulfillmentOrderState on FulfillmentOrder {\n    id\n    status\n    requestStatus\n    fulfillAt\n    fulfillmentHolds { id reason displayReason }\n    supportedActions { action }\n    assignedLocation { name location { id isFulfillmentService } }\n  }\n\n  query OrderFulfillmentOrders($id: ID!, $first: Int!, $after: String, $lines: Int!) {\n    order(id: $id) {\n      id\n      fulfillmentOrders(first: $first, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          ...FulfillmentOrderState\n          lineItems(first: $lines) {\n            pageInfo { hasNextPage endCursor }\n            nodes { id remainingQuantity lineItem { id } }\n          }\n        }\n      }\n    }\n  }\n": {return: OrderFulfillmentOrdersQuery, variables: OrderFulfillmentOrdersQueryVariables},
  "#graphql\n  query FulfillmentOrderLines($id: ID!, $first: Int!, $after: String) {\n    fulfillmentOrder(id: $id) {\n      id\n      lineItems(first: $first, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { id remainingQuantity lineItem { id } }\n      }\n    }\n  }\n": {return: FulfillmentOrderLinesQuery, variables: FulfillmentOrderLinesQueryVariables},
  "#graphql\n  query OrderFulfillments($id: ID!, $first: Int!) {\n    order(id: $id) {\n      id\n      fulfillmentsCount { count precision }\n      fulfillments(first: $first) { id createdAt status location { id } }\n    }\n  }\n": {return: OrderFulfillmentsQuery, variables: OrderFulfillmentsQueryVariables},
  "#graphql\n  query FulfillmentLines($id: ID!, $first: Int!, $after: String) {\n    fulfillment(id: $id) {\n      id\n      fulfillmentLineItems(first: $first, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { quantity lineItem { id } }\n      }\n    }\n  }\n": {return: FulfillmentLinesQuery, variables: FulfillmentLinesQueryVariables},
  "#graphql\n  query InventoryLevelsOfItems($ids: [ID!]!, $locations: Int!) {\n    nodes(ids: $ids) {\n      ... on InventoryItem {\n        id\n        tracked\n        inventoryLevels(first: $locations) {\n          nodes { location { id } quantities(names: [\"available\"]) { name quantity } }\n        }\n      }\n    }\n  }\n": {return: InventoryLevelsOfItemsQuery, variables: InventoryLevelsOfItemsQueryVariables},
  "#graphql\n  query ProductsMedia($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Product {\n        id\n        media(first: 10) {\n          nodes { id status ... on MediaImage { image { url } } }\n        }\n        variants(first: 10) {\n          nodes {\n            id\n            media(first: 1) { nodes { id status ... on MediaImage { image { url } } } }\n          }\n        }\n      }\n    }\n  }\n": {return: ProductsMediaQuery, variables: ProductsMediaQueryVariables},
  "#graphql\n  query OrdersBulk($query: String) {\n    orders(query: $query, sortKey: UPDATED_AT) {\n      edges {\n        node {\n          ...OrderFields\n          transactions { ...OrderTransactionFields }\n          refunds { id updatedAt }\n          lineItems { edges { node { __typename ...OrderLineFields } } }\n          shippingLines { edges { node { __typename ...OrderShippingLineFields } } }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment OrderFields on Order {\n    id\n    name\n    createdAt\n    updatedAt\n    closed\n    cancelledAt\n    test\n    email\n    phone\n    currencyCode\n    presentmentCurrencyCode\n    taxesIncluded\n    displayFinancialStatus\n    displayFulfillmentStatus\n    sourceName\n    tags\n    note\n    poNumber\n    customAttributes { key value }\n    attribution { handle }\n    customer { id defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } firstName lastName }\n    purchasingEntity { ... on PurchasingCompany { company { id } location { id } } }\n    billingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    shippingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    subtotalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    currentShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountsSet { shopMoney { amount } presentmentMoney { amount } }\n    cartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }\n    currentCartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }\n    totalTaxSet { shopMoney { amount } presentmentMoney { amount } }\n    totalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n  #graphql\n  fragment OrderLineFields on LineItem {\n    id\n    sku\n    title\n    quantity\n    currentQuantity\n    isGiftCard\n    requiresShipping\n    variant { id barcode }\n    originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n  #graphql\n  fragment OrderShippingLineFields on ShippingLine {\n    title code originalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n  fragment OrderTransactionFields on OrderTransaction {\n    id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n": {return: OrdersBulkQuery, variables: OrdersBulkQueryVariables},
  "#graphql\n  query RecentBulkQueries($query: String!) {\n    bulkOperations(first: 5, query: $query) {\n      nodes { id status query }\n    }\n  }\n": {return: RecentBulkQueriesQuery, variables: RecentBulkQueriesQueryVariables},
  "#graphql\n  query OrdersPage($first: Int!, $after: String, $query: String, $lines: Int!) {\n    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {\n      nodes {\n        ...OrderHeaderFields\n        lineItems(first: $lines) {\n          nodes { ...OrderLineFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n  #graphql\n  fragment OrderHeaderFields on Order {\n    ...OrderFields\n    shippingLines(first: 2) {\n      nodes { ...OrderShippingLineFields }\n      pageInfo { hasNextPage endCursor }\n    }\n    transactions(first: 3) { ...OrderTransactionFields }\n    refunds(first: 3) { id updatedAt }\n  }\n  #graphql\n  fragment OrderFields on Order {\n    id\n    name\n    createdAt\n    updatedAt\n    closed\n    cancelledAt\n    test\n    email\n    phone\n    currencyCode\n    presentmentCurrencyCode\n    taxesIncluded\n    displayFinancialStatus\n    displayFulfillmentStatus\n    sourceName\n    tags\n    note\n    poNumber\n    customAttributes { key value }\n    attribution { handle }\n    customer { id defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } firstName lastName }\n    purchasingEntity { ... on PurchasingCompany { company { id } location { id } } }\n    billingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    shippingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    subtotalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    currentShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountsSet { shopMoney { amount } presentmentMoney { amount } }\n    cartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }\n    currentCartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }\n    totalTaxSet { shopMoney { amount } presentmentMoney { amount } }\n    totalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n\n  #graphql\n  fragment OrderLineFields on LineItem {\n    id\n    sku\n    title\n    quantity\n    currentQuantity\n    isGiftCard\n    requiresShipping\n    variant { id barcode }\n    originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n  #graphql\n  fragment OrderShippingLineFields on ShippingLine {\n    title code originalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n  fragment OrderTransactionFields on OrderTransaction {\n    id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n": {return: OrdersPageQuery, variables: OrdersPageQueryVariables},
  "#graphql\n  query OrderRest(\n    $id: ID!\n    $linesAfter: String\n    $withLines: Boolean!\n    $shippingAfter: String\n    $withShipping: Boolean!\n    $withTransactions: Boolean!\n    $withRefunds: Boolean!\n  ) {\n    order(id: $id) {\n      lineItems(first: 90, after: $linesAfter) @include(if: $withLines) {\n        nodes { ...OrderLineFields }\n        pageInfo { hasNextPage endCursor }\n      }\n      shippingLines(first: 25, after: $shippingAfter) @include(if: $withShipping) {\n        nodes { ...OrderShippingLineFields }\n        pageInfo { hasNextPage endCursor }\n      }\n      transactions @include(if: $withTransactions) { ...OrderTransactionFields }\n      refunds @include(if: $withRefunds) { id updatedAt }\n    }\n  }\n  #graphql\n  fragment OrderLineFields on LineItem {\n    id\n    sku\n    title\n    quantity\n    currentQuantity\n    isGiftCard\n    requiresShipping\n    variant { id barcode }\n    originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n  #graphql\n  fragment OrderShippingLineFields on ShippingLine {\n    title code originalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n  fragment OrderTransactionFields on OrderTransaction {\n    id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n": {return: OrderRestQuery, variables: OrderRestQueryVariables},
  "#graphql\n  query Payouts($first: Int!, $after: String, $query: String) {\n    shopifyPaymentsAccount {\n      payouts(first: $first, after: $after, query: $query) {\n        nodes {\n          id\n          status\n          issuedAt\n          net { amount currencyCode }\n          summary {\n            chargesGross { amount } chargesFee { amount }\n            refundsFeeGross { amount } refundsFee { amount }\n            adjustmentsGross { amount } adjustmentsFee { amount }\n            advanceGross { amount } advanceFees { amount }\n            reservedFundsGross { amount } reservedFundsFee { amount }\n            retriedPayoutsGross { amount } retriedPayoutsFee { amount }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": {return: PayoutsQuery, variables: PayoutsQueryVariables},
  "#graphql\n  query BalanceTransactions($first: Int!, $after: String, $query: String) {\n    shopifyPaymentsAccount {\n      balanceTransactions(first: $first, after: $after, query: $query) {\n        nodes {\n          id\n          type\n          transactionDate\n          amount { amount currencyCode }\n          fee { amount }\n          net { amount }\n          associatedPayout { id status }\n          associatedOrder { id }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": {return: BalanceTransactionsQuery, variables: BalanceTransactionsQueryVariables},
  "#graphql\n  query ProductsPage($first: Int!, $after: String, $query: String, $variants: Int!) {\n    products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {\n      nodes {\n        ...ProductFields\n        variants(first: $variants) {\n          nodes { ...VariantFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n  #graphql\n  fragment ProductFields on Product {\n    id\n    title\n    handle\n    status\n    vendor\n    productType\n    tags\n    descriptionHtml\n    isGiftCard\n    updatedAt\n  }\n\n  #graphql\n  fragment VariantFields on ProductVariant {\n    id\n    title\n    sku\n    barcode\n    price\n    compareAtPrice\n    taxable\n    inventoryPolicy\n    updatedAt\n    selectedOptions { name value }\n    inventoryItem {\n      id\n      tracked\n      unitCost { amount }\n      measurement { weight { unit value } }\n    }\n  }\n\n": {return: ProductsPageQuery, variables: ProductsPageQueryVariables},
  "#graphql\n  query ProductMoreVariants($id: ID!, $after: String) {\n    product(id: $id) {\n      variants(first: 100, after: $after) {\n        nodes { ...VariantFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n  #graphql\n  fragment VariantFields on ProductVariant {\n    id\n    title\n    sku\n    barcode\n    price\n    compareAtPrice\n    taxable\n    inventoryPolicy\n    updatedAt\n    selectedOptions { name value }\n    inventoryItem {\n      id\n      tracked\n      unitCost { amount }\n      measurement { weight { unit value } }\n    }\n  }\n\n": {return: ProductMoreVariantsQuery, variables: ProductMoreVariantsQueryVariables},
  "#graphql\n  query ProductsBySku($query: String!, $first: Int!) {\n    products(first: $first, query: $query) {\n      nodes {\n        ...ProductFields\n        variants(first: 10) { nodes { ...VariantFields } }\n      }\n    }\n  }\n  #graphql\n  fragment ProductFields on Product {\n    id\n    title\n    handle\n    status\n    vendor\n    productType\n    tags\n    descriptionHtml\n    isGiftCard\n    updatedAt\n  }\n\n  #graphql\n  fragment VariantFields on ProductVariant {\n    id\n    title\n    sku\n    barcode\n    price\n    compareAtPrice\n    taxable\n    inventoryPolicy\n    updatedAt\n    selectedOptions { name value }\n    inventoryItem {\n      id\n      tracked\n      unitCost { amount }\n      measurement { weight { unit value } }\n    }\n  }\n\n": {return: ProductsBySkuQuery, variables: ProductsBySkuQueryVariables},
  "#graphql\n  query RefundDetails(\n    $id: ID!\n    $lines: Int!\n    $parts: Int!\n    $linesAfter: String\n    $shippingAfter: String\n    $adjustmentsAfter: String\n    $transactionsAfter: String\n  ) {\n    node(id: $id) {\n      ... on Refund {\n        id\n        createdAt\n        updatedAt\n        note\n        order { id }\n        return { id }\n        totalRefundedSet { shopMoney { amount } presentmentMoney { amount } }\n        refundLineItems(first: $lines, after: $linesAfter) {\n          nodes {\n            id\n            quantity\n            restockType\n            restocked\n            location { id }\n            lineItem { id }\n            priceSet { shopMoney { amount } presentmentMoney { amount } }\n            subtotalSet { shopMoney { amount } presentmentMoney { amount } }\n            totalTaxSet { shopMoney { amount } presentmentMoney { amount } }\n          }\n          pageInfo { hasNextPage endCursor }\n        }\n        refundShippingLines(first: $parts, after: $shippingAfter) {\n          nodes {\n            shippingLine { title }\n            subtotalAmountSet { shopMoney { amount } presentmentMoney { amount } }\n            taxAmountSet { shopMoney { amount } presentmentMoney { amount } }\n          }\n          pageInfo { hasNextPage endCursor }\n        }\n        orderAdjustments(first: $parts, after: $adjustmentsAfter) {\n          nodes {\n            reason\n            amountSet { shopMoney { amount } presentmentMoney { amount } }\n            taxAmountSet { shopMoney { amount } presentmentMoney { amount } }\n          }\n          pageInfo { hasNextPage endCursor }\n        }\n        transactions(first: $parts, after: $transactionsAfter) {\n          nodes { id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": {return: RefundDetailsQuery, variables: RefundDetailsQueryVariables},
  "#graphql\n  query ShopInfo {\n    shop {\n      id\n      name\n      email\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n      timezoneAbbreviation\n      plan {\n        publicDisplayName\n        shopifyPlus\n        partnerDevelopment\n      }\n      primaryDomain {\n        host\n      }\n    }\n  }\n": {return: ShopInfoQuery, variables: ShopInfoQueryVariables},
  "#graphql\n  query ShopLocations($first: Int!, $after: String) {\n    locations(first: $first, after: $after, includeInactive: true) {\n      nodes {\n        id\n        name\n        isActive\n        fulfillsOnlineOrders\n        shipsInventory\n        address {\n          city\n          countryCode\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: ShopLocationsQuery, variables: ShopLocationsQueryVariables},
  "#graphql\n  query WebhookSubscriptions($first: Int!, $after: String) {\n    webhookSubscriptions(first: $first, after: $after) {\n      nodes { id topic uri format }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": {return: WebhookSubscriptionsQuery, variables: WebhookSubscriptionsQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation BaselineSetQuantities($input: InventorySetQuantitiesInput!, $key: String!) {\n    inventorySetQuantities(input: $input) @idempotent(key: $key) {\n      inventoryAdjustmentGroup { id }\n      userErrors { field message code }\n    }\n  }\n": {return: BaselineSetQuantitiesMutation, variables: BaselineSetQuantitiesMutationVariables},
  "#graphql\n  mutation StagedUploadsCreate($input: [StagedUploadInput!]!) {\n    stagedUploadsCreate(input: $input) {\n      stagedTargets { url resourceUrl parameters { name value } }\n      userErrors { field message }\n    }\n  }\n": {return: StagedUploadsCreateMutation, variables: StagedUploadsCreateMutationVariables},
  "#graphql\n  mutation BulkOperationRunMutation($mutation: String!, $stagedUploadPath: String!, $clientIdentifier: String) {\n    bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $stagedUploadPath, clientIdentifier: $clientIdentifier) {\n      bulkOperation { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: BulkOperationRunMutationMutation, variables: BulkOperationRunMutationMutationVariables},
  "#graphql\n  mutation PriceListFixedPricesAdd($priceListId: ID!, $prices: [PriceListPriceInput!]!) {\n    priceListFixedPricesAdd(priceListId: $priceListId, prices: $prices) {\n      prices { variant { id } }\n      userErrors { field message code }\n    }\n  }\n": {return: PriceListFixedPricesAddMutation, variables: PriceListFixedPricesAddMutationVariables},
  "#graphql\n  mutation CompanyUpdate($companyId: ID!, $input: CompanyInput!) {\n    companyUpdate(companyId: $companyId, input: $input) {\n      company { id updatedAt }\n      userErrors { field message code }\n    }\n  }\n": {return: CompanyUpdateMutation, variables: CompanyUpdateMutationVariables},
  "#graphql\n  mutation CompanyLocationUpdate($companyLocationId: ID!, $input: CompanyLocationUpdateInput!) {\n    companyLocationUpdate(companyLocationId: $companyLocationId, input: $input) {\n      companyLocation { id updatedAt }\n      userErrors { field message code }\n    }\n  }\n": {return: CompanyLocationUpdateMutation, variables: CompanyLocationUpdateMutationVariables},
  "#graphql\n  mutation CompanyLocationAssignAddress($locationId: ID!, $address: CompanyAddressInput!, $addressTypes: [CompanyAddressType!]!) {\n    companyLocationAssignAddress(locationId: $locationId, address: $address, addressTypes: $addressTypes) {\n      addresses { id }\n      userErrors { field message code }\n    }\n  }\n": {return: CompanyLocationAssignAddressMutation, variables: CompanyLocationAssignAddressMutationVariables},
  "#graphql\n  mutation CompanyCreate($input: CompanyCreateInput!, $locations: Int!) {\n    companyCreate(input: $input) {\n      company {\n        ...CompanyFields\n        contactRoles(first: 10) { nodes { id name } }\n        locations(first: $locations) {\n          nodes { ...CompanyLocationFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n      userErrors { field message code }\n    }\n  }\n  #graphql\n  fragment CompanyFields on Company {\n    id\n    name\n    note\n    externalId\n    updatedAt\n    mainContact {\n      id\n      customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }\n    }\n  }\n\n  #graphql\n  fragment CompanyLocationFields on CompanyLocation {\n    id\n    name\n    externalId\n    phone\n    updatedAt\n    taxSettings { taxRegistrationId taxExempt }\n    billingAddress { ...CompanyAddressFields }\n    shippingAddress { ...CompanyAddressFields }\n  }\n  #graphql\n  fragment CompanyAddressFields on CompanyAddress {\n    id\n    firstName\n    lastName\n    companyName\n    address1\n    address2\n    city\n    zip\n    zoneCode\n    province\n    countryCode\n    phone\n  }\n\n\n": {return: CompanyCreateMutation, variables: CompanyCreateMutationVariables},
  "#graphql\n  mutation CompanyContactRevokeRoles($companyContactId: ID!) {\n    companyContactRevokeRoles(companyContactId: $companyContactId, revokeAll: true) {\n      revokedRoleAssignmentIds\n      userErrors { field message code }\n    }\n  }\n": {return: CompanyContactRevokeRolesMutation, variables: CompanyContactRevokeRolesMutationVariables},
  "#graphql\n  mutation CompanyContactAssignRoles($companyContactId: ID!, $rolesToAssign: [CompanyContactRoleAssign!]!) {\n    companyContactAssignRoles(companyContactId: $companyContactId, rolesToAssign: $rolesToAssign) {\n      roleAssignments { id }\n      userErrors { field message code }\n    }\n  }\n": {return: CompanyContactAssignRolesMutation, variables: CompanyContactAssignRolesMutationVariables},
  "#graphql\n  mutation CatalogCreate($input: CatalogCreateInput!) {\n    catalogCreate(input: $input) {\n      catalog { id }\n      userErrors { field message code }\n    }\n  }\n": {return: CatalogCreateMutation, variables: CatalogCreateMutationVariables},
  "#graphql\n  mutation PublicationCreate($input: PublicationCreateInput!) {\n    publicationCreate(input: $input) {\n      publication { id }\n      userErrors { field message code }\n    }\n  }\n": {return: PublicationCreateMutation, variables: PublicationCreateMutationVariables},
  "#graphql\n  mutation PriceListCreate($input: PriceListCreateInput!) {\n    priceListCreate(input: $input) {\n      priceList { id currency }\n      userErrors { field message code }\n    }\n  }\n": {return: PriceListCreateMutation, variables: PriceListCreateMutationVariables},
  "#graphql\n  mutation CustomerSet($input: CustomerSetInput!, $identifier: CustomerSetIdentifiers, $addresses: Int!) {\n    customerSet(input: $input, identifier: $identifier) {\n      customer { ...CustomerFields }\n      userErrors { field message code }\n    }\n  }\n  #graphql\n  fragment CustomerFields on Customer {\n    id\n    firstName\n    lastName\n    defaultEmailAddress { emailAddress }\n    defaultPhoneNumber { phoneNumber }\n    note\n    tags\n    taxExempt\n    createdAt\n    updatedAt\n    defaultAddress { ...CustomerAddressFields }\n    addressesV2(first: $addresses) { nodes { ...CustomerAddressFields } }\n  }\n  #graphql\n  fragment CustomerAddressFields on MailingAddress {\n    id\n    firstName\n    lastName\n    company\n    address1\n    address2\n    city\n    zip\n    province\n    provinceCode\n    countryCodeV2\n    phone\n  }\n\n\n": {return: CustomerSetMutation, variables: CustomerSetMutationVariables},
  "#graphql\n  mutation CustomerAddressUpdate($customerId: ID!, $addressId: ID!, $address: MailingAddressInput!) {\n    customerAddressUpdate(customerId: $customerId, addressId: $addressId, address: $address, setAsDefault: true) {\n      address { id }\n      userErrors { field message }\n    }\n  }\n": {return: CustomerAddressUpdateMutation, variables: CustomerAddressUpdateMutationVariables},
  "#graphql\n  mutation CustomerAddressCreate($customerId: ID!, $address: MailingAddressInput!) {\n    customerAddressCreate(customerId: $customerId, address: $address, setAsDefault: true) {\n      address { id }\n      userErrors { field message }\n    }\n  }\n": {return: CustomerAddressCreateMutation, variables: CustomerAddressCreateMutationVariables},
  "#graphql\n  mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {\n    fulfillmentCreate(fulfillment: $fulfillment) {\n      fulfillment { id status }\n      userErrors { field message }\n    }\n  }\n": {return: FulfillmentCreateMutation, variables: FulfillmentCreateMutationVariables},
  "#graphql\n  mutation FulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]) {\n    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {\n      fulfillmentOrder { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: FulfillmentOrderReleaseHoldMutation, variables: FulfillmentOrderReleaseHoldMutationVariables},
  "#graphql\n  mutation FulfillmentOrderOpen($id: ID!) {\n    fulfillmentOrderOpen(id: $id) {\n      fulfillmentOrder { id status }\n      userErrors { field message }\n    }\n  }\n": {return: FulfillmentOrderOpenMutation, variables: FulfillmentOrderOpenMutationVariables},
  "#graphql\n  mutation InventorySetQuantities($input: InventorySetQuantitiesInput!, $key: String!) {\n    inventorySetQuantities(input: $input) @idempotent(key: $key) {\n      inventoryAdjustmentGroup { id }\n      userErrors { field message code }\n    }\n  }\n": {return: InventorySetQuantitiesMutation, variables: InventorySetQuantitiesMutationVariables},
  "#graphql\n  mutation InventoryActivate($inventoryItemId: ID!, $locationId: ID!, $available: Int, $key: String!) {\n    inventoryActivate(inventoryItemId: $inventoryItemId, locationId: $locationId, available: $available) @idempotent(key: $key) {\n      inventoryLevel { id }\n      userErrors { field message }\n    }\n  }\n": {return: InventoryActivateMutation, variables: InventoryActivateMutationVariables},
  "#graphql\n  mutation InventoryItemTrack($id: ID!) {\n    inventoryItemUpdate(id: $id, input: { tracked: true }) {\n      inventoryItem { id tracked }\n      userErrors { field message }\n    }\n  }\n": {return: InventoryItemTrackMutation, variables: InventoryItemTrackMutationVariables},
  "#graphql\n  mutation BulkOperationRunQuery($query: String!) {\n    bulkOperationRunQuery(query: $query) {\n      bulkOperation { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: BulkOperationRunQueryMutation, variables: BulkOperationRunQueryMutationVariables},
  "#graphql\n  mutation StagedImageUploads($input: [StagedUploadInput!]!) {\n    stagedUploadsCreate(input: $input) {\n      stagedTargets { url resourceUrl parameters { name value } }\n      userErrors { field message }\n    }\n  }\n": {return: StagedImageUploadsMutation, variables: StagedImageUploadsMutationVariables},
  "#graphql\n  mutation ProductAddMedia($id: ID!, $media: [CreateMediaInput!]!) {\n    productUpdate(product: { id: $id }, media: $media) {\n      product { id media(first: 50) { nodes { id } } }\n      userErrors { field message }\n    }\n  }\n": {return: ProductAddMediaMutation, variables: ProductAddMediaMutationVariables},
  "#graphql\n  mutation FileReplace($files: [FileUpdateInput!]!) {\n    fileUpdate(files: $files) {\n      files { id fileStatus }\n      userErrors { field message code }\n    }\n  }\n": {return: FileReplaceMutation, variables: FileReplaceMutationVariables},
  "#graphql\n  mutation VariantSetMedia($productId: ID!, $media: [CreateMediaInput!]!, $variants: [ProductVariantsBulkInput!]!) {\n    productVariantsBulkUpdate(productId: $productId, media: $media, variants: $variants) {\n      productVariants { id media(first: 1) { nodes { id } } }\n      userErrors { field message code }\n    }\n  }\n": {return: VariantSetMediaMutation, variables: VariantSetMediaMutationVariables},
  "#graphql\n  mutation BulkOperationRunGroupedQuery($query: String!) {\n    bulkOperationRunQuery(query: $query, groupObjects: true) {\n      bulkOperation { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: BulkOperationRunGroupedQueryMutation, variables: BulkOperationRunGroupedQueryMutationVariables},
  "#graphql\n  mutation OrderSetAttributes($input: OrderInput!) {\n    orderUpdate(input: $input) {\n      order { id updatedAt }\n      userErrors { field message }\n    }\n  }\n": {return: OrderSetAttributesMutation, variables: OrderSetAttributesMutationVariables},
  "#graphql\n  mutation OrderClose($input: OrderCloseInput!) {\n    orderClose(input: $input) {\n      order { id closed }\n      userErrors { field message }\n    }\n  }\n": {return: OrderCloseMutation, variables: OrderCloseMutationVariables},
  "#graphql\n  mutation ProductUpdate($product: ProductUpdateInput!) {\n    productUpdate(product: $product) {\n      product { id updatedAt }\n      userErrors { field message }\n    }\n  }\n": {return: ProductUpdateMutation, variables: ProductUpdateMutationVariables},
  "#graphql\n  mutation VariantsBulkUpdate($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {\n    productVariantsBulkUpdate(productId: $productId, variants: $variants, allowPartialUpdates: true) {\n      product { id updatedAt }\n      productVariants { id }\n      userErrors { field message code }\n    }\n  }\n": {return: VariantsBulkUpdateMutation, variables: VariantsBulkUpdateMutationVariables},
  "#graphql\n  mutation VariantsBulkCreate($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {\n    productVariantsBulkCreate(productId: $productId, variants: $variants) {\n      product { id updatedAt }\n      productVariants { id sku inventoryItem { id } }\n      userErrors { field message code }\n    }\n  }\n": {return: VariantsBulkCreateMutation, variables: VariantsBulkCreateMutationVariables},
  "#graphql\n  mutation ProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {\n    productSet(identifier: $identifier, input: $input, synchronous: true) {\n      product {\n        ...ProductFields\n        variants(first: 100) { nodes { ...VariantFields } }\n      }\n      userErrors { field message code }\n    }\n  }\n  #graphql\n  fragment ProductFields on Product {\n    id\n    title\n    handle\n    status\n    vendor\n    productType\n    tags\n    descriptionHtml\n    isGiftCard\n    updatedAt\n  }\n\n  #graphql\n  fragment VariantFields on ProductVariant {\n    id\n    title\n    sku\n    barcode\n    price\n    compareAtPrice\n    taxable\n    inventoryPolicy\n    updatedAt\n    selectedOptions { name value }\n    inventoryItem {\n      id\n      tracked\n      unitCost { amount }\n      measurement { weight { unit value } }\n    }\n  }\n\n": {return: ProductSetMutation, variables: ProductSetMutationVariables},
  "#graphql\n  mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $subscription: WebhookSubscriptionInput!) {\n    webhookSubscriptionCreate(topic: $topic, webhookSubscription: $subscription) {\n      webhookSubscription { id topic uri }\n      userErrors { field message }\n    }\n  }\n": {return: WebhookSubscriptionCreateMutation, variables: WebhookSubscriptionCreateMutationVariables},
  "#graphql\n  mutation WebhookSubscriptionUpdate($id: ID!, $subscription: WebhookSubscriptionInput!) {\n    webhookSubscriptionUpdate(id: $id, webhookSubscription: $subscription) {\n      webhookSubscription { id topic uri }\n      userErrors { field message }\n    }\n  }\n": {return: WebhookSubscriptionUpdateMutation, variables: WebhookSubscriptionUpdateMutationVariables},
  "#graphql\n  mutation WebhookSubscriptionDelete($id: ID!) {\n    webhookSubscriptionDelete(id: $id) {\n      deletedWebhookSubscriptionId\n      userErrors { field message }\n    }\n  }\n": {return: WebhookSubscriptionDeleteMutation, variables: WebhookSubscriptionDeleteMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
