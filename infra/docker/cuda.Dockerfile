# syntax=docker/dockerfile:1
# Andes with node-llama-cpp's prebuilt CUDA backend, for NVIDIA GPUs (the inference service, or an API server that
# runs its models itself). Build from the repository root:
#   docker build -f infra/docker/cuda.Dockerfile -t andes:cuda .
#   docker run --gpus all -p 3000:3000 -e ANDES_ADMIN_KEY=... -v "$PWD/models:/models:ro" andes:cuda \
#     serve --inference-only --model /models/Meta-Llama-3-8B-Instruct.Q4_K_M.gguf
# The prebuilt binary links CUDA 13's runtime libraries, which the runtime base image provides; the host needs an
# NVIDIA driver for CUDA 13 and the NVIDIA container toolkit. Not built on the project's machines: infra/README.md.
ARG NODE_IMAGE=node:24-bookworm-slim
ARG CUDA_RUNTIME_IMAGE=nvidia/cuda:13.0.1-runtime-ubuntu24.04

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
 && sh infra/docker/prune-llama-backends.sh /out linux-x64 linux-x64-cuda

FROM ${NODE_IMAGE} AS node

FROM ${CUDA_RUNTIME_IMAGE} AS runtime
# Node from the official image (same version the addons were compiled for), not from the distribution.
COPY --from=node /usr/local/bin/node /usr/local/bin/node
ENV NODE_ENV=production \
    ANDES_DATA_DIR=/data \
    ANDES_HOST=0.0.0.0 \
    ANDES_PORT=3000 \
    ANDES_GPU=cuda
COPY --from=build /out /andes
RUN groupadd --system --gid 10001 andes \
 && useradd --system --uid 10001 --gid andes --home-dir /data --no-create-home andes \
 && mkdir -p /data /models \
 && chown andes:andes /data
USER andes
WORKDIR /data
EXPOSE 3000
VOLUME ["/data", "/models"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.ANDES_PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "/andes/dist/main.js"]
CMD ["serve", "--inference-only"]
