// The package's index loads every limiter it has (MongoDB, DynamoDB, Prisma, Etcd, …) and their
// shared code: ~0.9 MB of heap and 0.5 MB of source held at rest more than this one file, all
// an instance alone uses. The package has no `exports` map, so the file's own path is the way
// in; it is the class the index exports, typed as the index types it.
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  import { RateLimiterMemory } from 'rate-limiter-flexible'
  export default RateLimiterMemory
}
