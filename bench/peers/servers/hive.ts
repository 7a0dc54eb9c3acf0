/** Peer `hive`: Hive Gateway's runtime with its default (JavaScript, stitching) query planner. `node hive.ts [port]`. */
import { serveHive } from './hive-runtime.ts';

await serveHive('hive');
