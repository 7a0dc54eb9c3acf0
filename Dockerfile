# One image for the gateway and the subgraph hosts (deploy/): `negiz start` or `negiz serve-subgraphs ...`.
# The build stage installs every workspace, bundles GraphiQL and the console (the root filesystem is read-only at
# run time, so nothing can be built there), then keeps only the production dependencies; the runtime stage holds the
# code, those dependencies, the bundles and the composed supergraph, and runs as an unprivileged user on a read-only
# root filesystem (deploy/ mounts a writable /tmp).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && node gateway/graphiql/build.ts \
 && node gateway/console/build.ts \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production NEGIZ_MODE=production NEGIZ_HOME=/tmp/negiz
WORKDIR /app
COPY --from=build /app /app
RUN groupadd --system --gid 10001 negiz && useradd --system --uid 10001 --gid negiz --no-create-home --shell /usr/sbin/nologin negiz
USER 10001:10001
EXPOSE 4000 4001
ENTRYPOINT ["node", "cli/bin/negiz.js"]
CMD ["start"]
