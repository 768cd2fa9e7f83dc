# syntax=docker/dockerfile:1
# Andes (API, CLI, web UI) on CPU. Build from the repository root:
#   docker build -f infra/docker/cpu.Dockerfile -t andes:cpu .
#   docker run -p 3000:3000 -e ANDES_ADMIN_KEY=$(openssl rand -hex 24) \
#     -v andes-data:/data -v "$PWD/models:/models:ro" andes:cpu serve --model /models/Meta-Llama-3-8B-Instruct.Q4_K_M.gguf
# Not built on the project's machines (no Docker engine there): see infra/README.md for what is checked instead.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
RUN npm install --global pnpm@10.34.8
# Sources only: .dockerignore keeps the host's node_modules, dist, .git and models out of the context.
COPY . .
RUN npm_config_nodedir=/usr/local pnpm install --frozen-lockfile \
 && pnpm build \
 && pnpm deploy --filter @andes-rag/cli --prod --legacy /out \
 && sh infra/docker/prune-llama-backends.sh /out linux-x64

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    ANDES_DATA_DIR=/data \
    ANDES_HOST=0.0.0.0 \
    ANDES_PORT=3000 \
    ANDES_GPU=cpu
# The application is owned by root and read-only to the process; only the data directory is the node user's.
COPY --from=build /out /andes
RUN mkdir -p /data /models && chown node:node /data
USER node
WORKDIR /data
# Listening on 0.0.0.0 requires ANDES_ADMIN_KEY (the server refuses to start without it).
EXPOSE 3000
# Models are mounted, never baked in; the data directory is a volume (declared after its chown, so it is writable).
VOLUME ["/data", "/models"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.ANDES_PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "/andes/dist/main.js"]
CMD ["serve"]
