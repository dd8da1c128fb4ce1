# syntax=docker/dockerfile:1
# Mujib for production: runs against MongoDB (MONGODB_URI); the embedded FerretDB of the
# sandbox (which needs Go) is not in this image. Rules are a volume at /etc/mujib/rules.
#   docker build -t mujib .
#   docker run -e MONGODB_URI=… -e X_API_KEY=… -v "$PWD/rules:/etc/mujib/rules:ro" mujib

# Build: compile the TypeScript (npm ci runs the prepare script, i.e. `npm run build`).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --no-audit --no-fund

# Runtime: production dependencies only, the compiled code, the shipped rule pack.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    MUJIB_DATA_DIR=/var/lib/mujib \
    RULES_DIR=/etc/mujib/rules \
    HEALTH_HOST=0.0.0.0 \
    HEALTH_PORT=9464 \
    CONSOLE_HOST=0.0.0.0 \
    CONSOLE_PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the code is already built; TypeScript is only needed to build it.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/typescript node_modules/@types \
 && npm cache clean --force \
 && mkdir -p /var/lib/mujib /etc/mujib \
 && chown node:node /var/lib/mujib
COPY --from=build /app/dist ./dist
COPY rules ./rules
COPY rules /etc/mujib/rules
USER node
VOLUME ["/var/lib/mujib"]
EXPOSE 8080 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9464/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["start"]
