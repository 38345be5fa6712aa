import type { Page } from "playwright-core";

export type Filing = {
  kind: "petition" | "report" | "complaint" | "denunciation" | "contribution";
  kindLabel: string;
  category: string;
  area: string;
  title: string;
  body: string;
  name?: string;
  phone?: string;
  email?: string;
  filerAddress?: string;
  anonymous?: boolean;
  consent?: boolean;
};

/** The citizen's filing form, driven the way a person does: by labels and visible text. */
export class IntakePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open() {
    await this.page.goto(`${this.baseUrl}/gui-y-kien`);
  }

  async fill(f: Filing) {
    const p = this.page;
    await p.getByRole("radio", { name: new RegExp(`^${f.kindLabel}`) }).check();
    await p.getByLabel(/^Lĩnh vực/).selectOption({ label: f.category });
    const areaSelect = p.getByLabel(/^Địa bàn xảy ra sự việc/);
    const areaValue = await areaSelect.locator("option", { hasText: f.area }).first().getAttribute("value");
    await areaSelect.selectOption(areaValue!);
    await p.getByLabel(/^Tiêu đề/).fill(f.title);
    await p.getByLabel(/^Nội dung/).fill(f.body);
    if (f.anonymous) await p.getByRole("checkbox", { name: "Gửi không ghi tên" }).check();
    if (f.name !== undefined) await p.getByLabel(/^Họ và tên/).fill(f.name);
    if (f.phone !== undefined) await p.getByLabel(/^Số điện thoại/).fill(f.phone);
    if (f.email !== undefined) await p.getByLabel(/^Email/).fill(f.email);
    if (f.filerAddress !== undefined) await p.getByLabel(/^Địa chỉ liên hệ/).fill(f.filerAddress);
    if (f.consent) await p.getByLabel(/Tôi đồng ý công khai/).check();
  }

  async attach(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.page.getByLabel(/^Tệp đính kèm/).setInputFiles(files);
  }

  async submit() {
    await this.page.getByRole("button", { name: "Gửi ý kiến" }).click();
  }

  async receipt() {
    await this.page.waitForURL(/\/gui-y-kien\/bien-nhan\//);
    return {
      code: (await this.page.getByTestId("receipt-code").textContent())!.trim(),
      key: (await this.page.getByTestId("receipt-key").textContent())!.trim(),
      unit: (await this.page.getByTestId("receipt-unit").textContent())!.trim(),
      due: (await this.page.getByTestId("receipt-due").textContent())!.trim(),
    };
  }
}
