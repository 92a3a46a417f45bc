// TypeGraphQL needs the Reflect metadata API loaded before any decorated class.
import "reflect-metadata";
