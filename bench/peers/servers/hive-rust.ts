/**
 * Peer `hive-rust`: Hive Gateway's runtime with Hive Router's Rust query planner, wired as its documentation says
 * (`unifiedGraphHandler` of @graphql-hive/router-runtime, which plans with @graphql-hive/router-query-planner, a
 * native addon). `node hive-rust.ts [port]`.
 */
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { serveHive } from './hive-runtime.ts';

await serveHive('hive-rust', unifiedGraphHandler);
