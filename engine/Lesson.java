///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
// The jbang entry point of kubelessons: `jbang lesson ...` (alias in ../jbang-catalog.json).
// jbang compiles the engine's sources below and caches the result until a source changes,
// so a fresh clone needs no separate build step. These //DEPS mirror engine/pom.xml's
// runtime dependencies; DependencyAgreementTest fails if the two lists drift apart.
//DEPS io.fabric8:kubernetes-client-bom:8.0.0@pom
//DEPS info.picocli:picocli:4.7.7
//DEPS org.commonmark:commonmark:0.32.0
//DEPS org.commonmark:commonmark-ext-gfm-tables:0.32.0
//DEPS org.commonmark:commonmark-ext-heading-anchor:0.32.0
//DEPS org.freemarker:freemarker:2.3.35
//DEPS io.fabric8:kubernetes-client:8.0.0
//DEPS io.fabric8:kubernetes-httpclient-jdk:8.0.0
//DEPS dev.cel:cel:0.14.0
//DEPS org.webjars:highlightjs:11.11.1
//DEPS org.webjars.npm:lunr:2.3.9
//DEPS org.slf4j:slf4j-nop:2.0.17
//DEPS org.apache.commons:commons-csv:1.14.1
//DEPS org.jline:jline-terminal:3.30.6
//DEPS net.sourceforge.plantuml:plantuml-mit:1.2026.10
//SOURCES src/main/java/dev/kubelessons/**/*.java
// The engine's own files travel in its jar (jbang 0.127.18 copies each tree, and rebuilds when one changes), so it
// runs from any course folder without a clone; engine/pom.xml's <resources> mirror these lines.
//FILES kubelessons-home/templates/=../templates/**
//FILES kubelessons-home/cluster/=../cluster/**
//FILES kubelessons-home/scripts/build-kwok.sh=../scripts/build-kwok.sh
//FILES kubelessons-home/scripts/build-kind-node.sh=../scripts/build-kind-node.sh
//FILES kubelessons-home/scripts/lib/=../scripts/lib/**
// One C1 compiler thread: on two cores a second one competed with the command for CPU and compiled methods the
// command had finished with (--check: 0.87x wall, 0.89x CPU, 12 pairs, bench/RESULTS.md).
//JAVA_OPTIONS -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xshare:auto -Xms16m -Xmx512m

/** Hands the command line to the engine's picocli entry point. */
public class Lesson {
    public static void main(String[] args) {
        dev.kubelessons.cli.Main.main(args);
    }
}
