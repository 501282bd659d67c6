import { COMMENT_AUTHOR } from "../../src/core";
import { MemoryDocument } from "../../src/hosts/memory/memory-document";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { hostContract } from "../support/host-contract";

hostContract("demo (in-memory)", (bytes) => {
  const document = MemoryDocument.fromDocx(bytes);
  return {
    host: new MemoryHost(document),
    document,
    commentAuthor: COMMENT_AUTHOR,
    noShading: null,
  };
});
