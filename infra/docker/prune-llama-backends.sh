#!/bin/sh
# Removes node-llama-cpp's prebuilt backends an image does not need (CUDA, Vulkan, ARM: ~650 MB) and the llama.cpp
# source bundle that only source builds read. Usage: prune-llama-backends.sh DEPLOY_DIR BACKEND...
# (BACKEND as in @node-llama-cpp/<BACKEND>, e.g. linux-x64 linux-x64-cuda).
set -eu
deploy_dir=$1
shift
keep=" $* "
for package_dir in "$deploy_dir"/node_modules/.pnpm/@node-llama-cpp+*; do
  [ -d "$package_dir" ] || continue
  backend=${package_dir##*/@node-llama-cpp+}
  backend=${backend%@*}
  case "$keep" in
    *" $backend "*) echo "keeping $backend" ;;
    *)
      echo "removing $backend"
      rm -rf "$package_dir"
      ;;
  esac
done
# Links to removed packages would fail to import; node-llama-cpp treats a missing backend as not installed.
find "$deploy_dir/node_modules" -xtype l -path '*@node-llama-cpp/*' -delete
rm -f "$deploy_dir"/node_modules/.pnpm/node-llama-cpp@*/node_modules/node-llama-cpp/llama/gitRelease.bundle
