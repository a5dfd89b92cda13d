/**
 * B2B companies with their locations and main contact (reference 2.8), read a page at a time (the
 * connector reads a page of ids, then the company and its locations one request each).
 */

/** Companies per request, each with up to 10 locations (a company with more gets a request for the rest): 942 points requested, under Shopify's 1,000 per query. */
export const COMPANIES_PER_PAGE = 20;
export const COMPANY_LOCATIONS_PER_PAGE = 10;

export const COMPANY_ADDRESS_FRAGMENT = `#graphql
  fragment CompanyAddressFields on CompanyAddress {
    id
    firstName
    lastName
    companyName
    address1
    address2
    city
    zip
    zoneCode
    province
    countryCode
    phone
  }
` as const;

export const COMPANY_LOCATION_FRAGMENT = `#graphql
  fragment CompanyLocationFields on CompanyLocation {
    id
    name
    externalId
    phone
    updatedAt
    taxSettings { taxRegistrationId taxExempt }
    billingAddress { ...CompanyAddressFields }
    shippingAddress { ...CompanyAddressFields }
  }
  ${COMPANY_ADDRESS_FRAGMENT}
` as const;

export const COMPANY_FRAGMENT = `#graphql
  fragment CompanyFields on Company {
    id
    name
    note
    externalId
    updatedAt
    mainContact {
      id
      customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
    }
  }
` as const;

export const COMPANIES_PAGE_QUERY = `#graphql
  query CompaniesPage($first: Int!, $after: String, $query: String, $locations: Int!) {
    companies(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        ...CompanyFields
        locations(first: $locations) {
          nodes { ...CompanyLocationFields }
          pageInfo { hasNextPage endCursor }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${COMPANY_FRAGMENT}
  ${COMPANY_LOCATION_FRAGMENT}
` as const;

export const COMPANY_MORE_LOCATIONS_QUERY = `#graphql
  query CompanyMoreLocations($id: ID!, $after: String) {
    company(id: $id) {
      locations(first: 50, after: $after) {
        nodes { ...CompanyLocationFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${COMPANY_LOCATION_FRAGMENT}
` as const;

/** One company with its locations, for an order placed for a company not imported yet. */
export const COMPANY_BY_ID_QUERY = `#graphql
  query CompanyById($id: ID!, $locations: Int!) {
    company(id: $id) {
      ...CompanyFields
      locations(first: $locations) {
        nodes { ...CompanyLocationFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${COMPANY_FRAGMENT}
  ${COMPANY_LOCATION_FRAGMENT}
` as const;

export const COMPANY_UPDATE = `#graphql
  mutation CompanyUpdate($companyId: ID!, $input: CompanyInput!) {
    companyUpdate(companyId: $companyId, input: $input) {
      company { id updatedAt }
      userErrors { field message code }
    }
  }
` as const;

export const COMPANY_LOCATION_UPDATE = `#graphql
  mutation CompanyLocationUpdate($companyLocationId: ID!, $input: CompanyLocationUpdateInput!) {
    companyLocationUpdate(companyLocationId: $companyLocationId, input: $input) {
      companyLocation { id updatedAt }
      userErrors { field message code }
    }
  }
` as const;

export const COMPANY_LOCATION_ASSIGN_ADDRESS = `#graphql
  mutation CompanyLocationAssignAddress($locationId: ID!, $address: CompanyAddressInput!, $addressTypes: [CompanyAddressType!]!) {
    companyLocationAssignAddress(locationId: $locationId, address: $address, addressTypes: $addressTypes) {
      addresses { id }
      userErrors { field message code }
    }
  }
` as const;

/** "Add company": the company, its first location and its main contact in one call. */
export const COMPANY_CREATE = `#graphql
  mutation CompanyCreate($input: CompanyCreateInput!, $locations: Int!) {
    companyCreate(input: $input) {
      company {
        ...CompanyFields
        contactRoles(first: 10) { nodes { id name } }
        locations(first: $locations) {
          nodes { ...CompanyLocationFields }
          pageInfo { hasNextPage endCursor }
        }
      }
      userErrors { field message code }
    }
  }
  ${COMPANY_FRAGMENT}
  ${COMPANY_LOCATION_FRAGMENT}
` as const;

/** Who in Shopify already has a company with this external id ("add company" makes it once). */
export const COMPANIES_BY_EXTERNAL_ID_QUERY = `#graphql
  query CompaniesByExternalId($query: String!, $locations: Int!) {
    companies(first: 1, query: $query) {
      nodes {
        ...CompanyFields
        contactRoles(first: 10) { nodes { id name } }
        locations(first: $locations) {
          nodes { ...CompanyLocationFields }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
  ${COMPANY_FRAGMENT}
  ${COMPANY_LOCATION_FRAGMENT}
` as const;

/** companyCreate gives the new main contact "Ordering only" at the new location: another permission replaces it. */
export const COMPANY_CONTACT_REVOKE_ROLES = `#graphql
  mutation CompanyContactRevokeRoles($companyContactId: ID!) {
    companyContactRevokeRoles(companyContactId: $companyContactId, revokeAll: true) {
      revokedRoleAssignmentIds
      userErrors { field message code }
    }
  }
` as const;

export const COMPANY_CONTACT_ASSIGN_ROLES = `#graphql
  mutation CompanyContactAssignRoles($companyContactId: ID!, $rolesToAssign: [CompanyContactRoleAssign!]!) {
    companyContactAssignRoles(companyContactId: $companyContactId, rolesToAssign: $rolesToAssign) {
      roleAssignments { id }
      userErrors { field message code }
    }
  }
` as const;

/** "Add company" with a catalog: the catalog for the location, its publication and its price list. */
export const CATALOG_CREATE = `#graphql
  mutation CatalogCreate($input: CatalogCreateInput!) {
    catalogCreate(input: $input) {
      catalog { id }
      userErrors { field message code }
    }
  }
` as const;

export const PUBLICATION_CREATE = `#graphql
  mutation PublicationCreate($input: PublicationCreateInput!) {
    publicationCreate(input: $input) {
      publication { id }
      userErrors { field message code }
    }
  }
` as const;

export const PRICE_LIST_CREATE = `#graphql
  mutation PriceListCreate($input: PriceListCreateInput!) {
    priceListCreate(input: $input) {
      priceList { id currency }
      userErrors { field message code }
    }
  }
` as const;

/** Whether a company location already has a catalog ("add company" makes one at most). */
export const COMPANY_LOCATION_CATALOGS_QUERY = `#graphql
  query CompanyLocationCatalogs($id: ID!) {
    companyLocation(id: $id) { catalogs(first: 1) { nodes { id } } }
  }
` as const;
