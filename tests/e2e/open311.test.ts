// Open311 through the real server: an administrator issues a key in the staff area, a client posts a service
// request with it as any GeoReport v2 client would (form-encoded, JSON and XML answers), the request becomes a routed
// case with a public status page, the API lists it, and once the key is revoked the same client is refused.
import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type Session } from "./support/browser";
import { signInReusing } from "./support/sign-in";

const baseUrl = inject("baseUrl");
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const api = (path: string) => new URL(`/open311/v2/${path}`, baseUrl);

async function post(key: string, fields: Record<string, string>) {
  return fetch(api("requests.json"), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ api_key: key, ...fields }).toString(),
  });
}

describe("Open311 GeoReport v2", () => {
  it("takes a request with a key an administrator issued, shows it like any case, and refuses it once the key is revoked", async () => {
    session = await openBrowser();
    const { page } = session;
    await signInReusing(page, baseUrl, "quantri@doithoai.example", "/can-bo/open311");
    await page.waitForURL(/\/can-bo\/open311/);
    const name = `Ứng dụng thử ${Date.now().toString(36)}`;
    await page.getByLabel("Tên ứng dụng hoặc đơn vị dùng khóa").fill(name);
    await page.getByLabel("Số yêu cầu tối đa mỗi giờ").fill("20");
    await page.getByRole("button", { name: "Cấp khóa" }).click();
    const shown = page.getByTestId("issued-key");
    await shown.waitFor();
    const key = ((await shown.textContent()) ?? "").trim();
    expect(key.length).toBeGreaterThan(20);

    // A client that knows nothing of this site: discovery, then the services, then a post.
    const discovery = await (await fetch(api("discovery.json"))).json();
    expect(JSON.stringify(discovery)).toContain("/open311/v2");
    const services = (await (await fetch(api("services.json"))).json()) as Array<{ service_code: string }>;
    const service = services.find((s) => s.service_code.startsWith("report-"))!.service_code;
    const created = await post(key, {
      service_code: service,
      description: "Đèn đường trước chợ bị hỏng nhiều ngày, buổi tối rất tối, người đi đường dễ gặp nguy hiểm.",
      address_id: "demo-23602",
      first_name: "Hoa",
      last_name: "Lê Thị",
      phone: "0905 123 456",
    });
    expect(created.status, await created.clone().text()).toBe(200);
    const [answer] = (await created.json()) as Array<{ service_request_id?: string; token?: string }>;
    const code = answer!.service_request_id!;
    expect(code).toMatch(/^[A-Z0-9-]+$/);

    // The case's public status page (never the filer's name or phone), and the request in the API (XML, as the standard requires, and JSON).
    const status = await fetch(new URL(`/tra-cuu/${code}`, baseUrl));
    expect(status.status).toBe(200);
    const statusHtml = await status.text();
    expect(statusHtml).not.toContain("0905 123 456");
    expect(statusHtml).not.toContain("Lê Thị Hoa");
    const one = (await (await fetch(api(`requests/${code}.json`))).json()) as Array<Record<string, unknown>>;
    expect(one[0]).toMatchObject({ service_request_id: code, status: "open", service_code: service, address_id: "demo-23602" });
    expect(String(one[0]!.requested_datetime)).toMatch(/\+07:00$/);
    const xml = await (await fetch(api(`requests/${code}.xml`))).text();
    expect(xml).toContain(`<service_request_id>${code}</service_request_id>`);
    if (answer!.token) {
      const token = (await (await fetch(api(`tokens/${answer!.token}.json`))).json()) as Array<{ service_request_id: string }>;
      expect(token[0]!.service_request_id).toBe(code);
    }

    // Revoked: the same client is refused with the standard's error.
    await page.reload();
    await page.getByRole("button", { name: new RegExp(`Thu hồi khóa .* của ${name}`) }).click();
    await page.getByText("Đã thu hồi khóa").first().waitFor();
    const refused = await post(key, { service_code: service, description: "Thử lại sau khi thu hồi khóa.", address_id: "demo-23602", first_name: "Hoa", last_name: "Lê Thị", phone: "0905 123 456" });
    expect(refused.status).toBe(403);
    const errors = (await refused.json()) as Array<{ code: number; description: string }>;
    expect(errors[0]!.code).toBe(403);
  });
});
