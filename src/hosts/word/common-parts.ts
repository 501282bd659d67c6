/**
 * The ledger and ignores through the Common API's custom XML parts
 * (Office.context.document.customXmlParts: getByNamespaceAsync, getXmlAsync, deleteAsync,
 * addAsync; requirement set CustomXmlParts, Word 2016 and later), for Words without WordApi 1.4
 * such as Word 2021 LTSC. They are the same parts WordApi 1.4's document.customXmlParts and
 * WPS's CustomXMLParts read (one part per namespace), so a document marked in Word 2021 clears
 * in Microsoft 365 or WPS, and the other way round. Not batched: each call is a round trip.
 */
import type { OfficeAsyncResult, OfficeCustomXmlPart, OfficeCustomXmlParts } from "./word-api";

function call<T>(start: (callback: (result: OfficeAsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (String(result.status) === "failed" || result.error)
        reject(new Error(result.error?.message ?? "custom XML part call failed"));
      else resolve(result.value);
    });
  });
}

export class CommonPartStore {
  constructor(private readonly parts: OfficeCustomXmlParts) {}

  private inNamespace(namespace: string): Promise<OfficeCustomXmlPart[]> {
    return call((callback) => this.parts.getByNamespaceAsync(namespace, callback));
  }

  /** The XML of the first part in this namespace, or null when there is none. */
  async read(namespace: string): Promise<string | null> {
    const [first] = await this.inNamespace(namespace);
    return first ? call<string>((callback) => first.getXmlAsync(callback)) : null;
  }

  /** Replaces every part in this namespace with one holding this XML. */
  async replace(namespace: string, xml: string): Promise<void> {
    const existing = await this.inNamespace(namespace);
    // Add first: if adding fails, the earlier part (and what it records) is still there.
    await call<OfficeCustomXmlPart>((callback) => this.parts.addAsync(xml, callback));
    for (const part of existing) await call<void>((callback) => part.deleteAsync(callback));
  }
}
