import { gid, parseGid } from '../gid';
import type { EmulatedLocation } from '../state';
import { paginate, type ConnectionArgs } from './connection';
import type { ResolverModule } from './context';

function locationObject(location: EmulatedLocation) {
  return {
    id: gid('Location', location.id),
    legacyResourceId: String(location.id),
    name: location.name,
    isActive: location.isActive,
    isPrimary: false,
    fulfillsOnlineOrders: location.fulfillsOnlineOrders,
    shipsInventory: location.shipsInventory,
    hasActiveInventory: true,
    isFulfillmentService: false,
    deactivatedAt: location.isActive ? null : location.updatedAt,
    createdAt: location.createdAt,
    updatedAt: location.updatedAt,
    address: {
      address1: location.address1,
      address2: null,
      city: location.city,
      zip: location.zip,
      countryCode: location.countryCode,
      country: location.countryCode,
      provinceCode: location.provinceCode,
      province: location.provinceCode,
      phone: null,
      formatted: [location.address1, location.city, location.zip, location.countryCode].filter(Boolean),
    },
  };
}

export const locationResolvers: ResolverModule = {
  query: {
    locations: (args, { shop }) => {
      const includeInactive = args.includeInactive === true;
      const visible = shop.locations.filter((location) => includeInactive || location.isActive);
      const sorted = [...visible].sort((a, b) => a.id - b.id).map(locationObject);
      return paginate(sorted, args as ConnectionArgs, (location) => location.id);
    },
    location: (args, { shop }) => {
      if (args.id === undefined || args.id === null) {
        const primary = shop.locations.find((location) => location.isActive);
        return primary ? { ...locationObject(primary), isPrimary: true } : null;
      }
      const id = parseGid(args.id, 'Location');
      const found = shop.locations.find((location) => location.id === id);
      return found ? locationObject(found) : null;
    },
  },
};
