# syntax=docker/dockerfile:1
# InsureDesk: the API server and the built console in one image.
#   docker build -t insuredesk .
#   docker compose up        (MySQL 8.4 + this image; see docker-compose.yml)

# ---- build: compile the server (and the console, once it exists) with the dev dependencies ----------------
FROM node:20-bookworm-slim AS build

# better-sqlite3 builds from source where no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# The lockfile is written by npm 11 (as on the developers' machines and CI); the image ships npm 10.
RUN npm install -g npm@11 --no-audit --no-fund

WORKDIR /app

# Dependencies first, so a source change does not reinstall them. (A new workspace in package.json needs
# its package.json copied here too.)
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin-ui/package.json admin-ui/
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

# Production dependencies only, then gather exactly what the runtime stage needs in /out (the console's
# dist/ and a workspace's own node_modules/ only when they exist, which COPY alone cannot express).
RUN npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p /out/server /out/admin-ui \
 && cp -a package.json package-lock.json node_modules /out/ \
 && cp -a server/package.json server/dist /out/server/ \
 && cp -a admin-ui/package.json /out/admin-ui/ \
 && if [ -d server/node_modules ]; then cp -a server/node_modules /out/server/; fi \
 && if [ -d admin-ui/node_modules ]; then cp -a admin-ui/node_modules /out/admin-ui/; fi \
 && if [ -d admin-ui/dist ]; then cp -a admin-ui/dist /out/admin-ui/; fi

# ---- runtime: no compiler, no dev dependencies, not root -----------------------------------------------------
FROM node:20-bookworm-slim AS runtime

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/app/data

WORKDIR /app
# Application files stay owned by root (read-only to the server); only data/ is writable. It holds the
# embedded SQLite file and its generated keys when no DATABASE_URL is set: mount a volume there
# (docker run -v insuredesk-data:/app/data …) or they go with the container.
COPY --from=build /out/ ./
RUN mkdir -p /app/data && chown node:node /app/data

# The CJK font the PDF documents (inspection reports) embed: Debian's fonts-noto-cjk (PDF_FONT_PATH).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*

USER node
EXPOSE 4000

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "server/dist/server/src/main.js"]
