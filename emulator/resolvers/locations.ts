import { parseGid } from '../gid';
import { paginate, type ConnectionArgs } from './connection';
import type { ResolverModule } from './context';
import { locationObject } from './objects';

export const locationResolvers: ResolverModule = {
  query: {
    locations: (args, { shop }) => {
      const includeInactive = args.includeInactive === true;
      const visible = shop.locations.filter((location) => includeInactive || location.isActive);
      const sorted = [...visible].sort((a, b) => a.id - b.id).map((location) => locationObject(shop, location));
      return paginate(sorted, args as ConnectionArgs, (location) => location.id);
    },
    location: (args, { shop }) => {
      if (args.id === undefined || args.id === null) {
        const primary = shop.locations.find((location) => location.isActive);
        return primary ? locationObject(shop, primary) : null;
      }
      const id = parseGid(args.id, 'Location');
      const found = shop.locations.find((location) => location.id === id);
      return found ? locationObject(shop, found) : null;
    },
  },
};
