#!/usr/bin/env bash
# Builds the kernel and installs it as Jupyter kernelspec "java" for the current user
# (~/.local/share/jupyter/kernels/java; works as root and as a normal user with Debian's Jupyter).
# The kernelspec runs the jars in this checkout's target/ directories: rerun after `mvn clean`.
#
# usage: lib-src/kernel/install-kernel.sh [--heap 2g] [--javacpp-cache DIR]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$root/lib-src/kernel/target"

# Never `mvn install`: other checkouts share ~/.m2. The reactor resolves l2rl-core from this checkout.
mvn -B -q -Dstyle.color=never -f "$root/pom.xml" -pl lib-src/kernel -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile="$target/classpath.txt"

jar="$(ls "$target"/l2rl-kernel-*.jar | head -n 1)"
classpath="$jar:$(cat "$target/classpath.txt")"

java -cp "$classpath" l2rl.kernel.InstallKernelSpec "$@" "$classpath" "$target/kernelspec"
jupyter kernelspec install --user --replace --name java "$target/kernelspec"
