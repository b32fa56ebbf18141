# One image for every OnceOnly service; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY subgraphs/registry/package.json subgraphs/registry/
COPY subgraphs/licenses/package.json subgraphs/licenses/
COPY subgraphs/cases/package.json subgraphs/cases/
COPY gateway/package.json gateway/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
# Where the licences service keeps its receipt keys (a named volume in docker-compose.yml).
RUN mkdir -p /var/lib/onceonly/keys && chown -R node:node /var/lib/onceonly
USER node
CMD ["node", "gateway/dist/index.js"]
