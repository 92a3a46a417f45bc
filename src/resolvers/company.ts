/** Resolver classes of this resource: root queries and mutations, and field resolvers for its links. */
export const companyResolvers = [] as const;
