import { COMMENT_AUTHOR } from "../../src/core";
import { MemoryDocument } from "../../src/hosts/memory/memory-document";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { hostContract, type MakeHost } from "../support/host-contract";
import { markProperties } from "../support/mark-properties";

const make: MakeHost = (bytes) => {
  const document = MemoryDocument.fromDocx(bytes);
  return {
    host: new MemoryHost(document),
    document,
    commentAuthor: COMMENT_AUTHOR,
    noShading: null,
  };
};

hostContract("demo (in-memory)", make);
markProperties("demo (in-memory)", make);
