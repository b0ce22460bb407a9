export { GraphQLJSON } from 'graphql-scalars';
