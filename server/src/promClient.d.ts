// prom-client's index loads all it has: the summary with its t-digest and trees, the push
// gateway (http, https), the cluster aggregator (node:cluster): ~0.8 MB of heap and 0.5 MB of
// source held at rest for classes the server never makes. The package has no `exports` map, so
// metrics.ts imports the files of the classes it makes by their own paths; each is the class the
// index exports, typed as the index types it.
declare module 'prom-client/lib/registry.js' {
  import { Registry } from 'prom-client'
  export default Registry
}
declare module 'prom-client/lib/counter.js' {
  import { Counter } from 'prom-client'
  export default Counter
}
declare module 'prom-client/lib/gauge.js' {
  import { Gauge } from 'prom-client'
  export default Gauge
}
declare module 'prom-client/lib/histogram.js' {
  import { Histogram } from 'prom-client'
  export default Histogram
}
declare module 'prom-client/lib/defaultMetrics.js' {
  import { collectDefaultMetrics } from 'prom-client'
  export default collectDefaultMetrics
}
