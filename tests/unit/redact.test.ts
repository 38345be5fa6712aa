import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addressForms, nameForms, REDACTED, redactText, type RedactionParty } from "@/domain/publication/redact";

const H = REDACTED.vi;
const filer: RedactionParty = {
  name: "Nguyễn Văn An",
  phone: "0912345678",
  email: "an.nguyen@example.com",
  address: "Thôn 3, Phường Pleiku, tỉnh Gia Lai",
  idNumber: "079083001234",
};

describe("names", () => {
  it("hides the full name whatever the case, accents and spacing", () => {
    for (const written of ["Nguyễn Văn An", "NGUYỄN VĂN AN", "nguyen van an", "Nguyen  Van\nAn", "nguyễn văn an"]) {
      expect(redactText(`Tôi là ${written}, ở thôn 5.`, [filer])).toBe(`Tôi là ${H}, ở thôn 5.`);
    }
  });

  it("hides a name written in decomposed Unicode (accents as separate marks), marks and all", () => {
    const decomposed = "Nguyễn Văn An".normalize("NFD");
    expect(redactText(`Tôi là ${decomposed}.`, [filer])).toBe(`Tôi là ${H}.`);
  });

  it("hides the name without the middle name, and the given name after a form of address", () => {
    expect(redactText("Gửi ông Nguyễn An và ông An, chị Văn An.", [filer])).toBe(`Gửi ${H} và ${H}, ${H}.`);
    expect(redactText("Kính gửi bà Văn An", [filer])).toBe(`Kính gửi ${H}`);
  });

  it("never hides the given name alone, nor a name inside a longer word", () => {
    expect(redactText("Bình an và an toàn giao thông", [filer])).toBe("Bình an và an toàn giao thông");
    expect(redactText("Nguyễn Văn Anh đã đến", [filer])).toBe("Nguyễn Văn Anh đã đến");
  });

  it("hides names of ethnic minorities with apostrophes of any kind", () => {
    const party = { name: "Rơ Châm H'Lan" };
    expect(redactText("Bà Rơ Châm H’Lan phản ánh", [party])).toBe(`${H} phản ánh`);
    expect(redactText("ro cham h'lan", [party])).toBe(H);
  });

  it("hides every party's name given, đ as d", () => {
    const parties = [{ name: "Siu Đức" }, { name: "Trần Văn B" }];
    expect(redactText("Ông Siu Duc tố cáo ông Trần Văn B.", parties)).toBe(`${H} tố cáo ${H}.`);
  });

  it("lists the forms of a name", () => {
    expect(nameForms("Nguyễn Văn An")).toEqual(expect.arrayContaining(["nguyen van an", "nguyen an", "ong an", "ba van an"]));
    expect(nameForms("   ")).toEqual([]);
  });
});

describe("addresses", () => {
  it("hides the address and its leading parts, with or without accents", () => {
    expect(redactText("Nhà tôi ở Thôn 3, Phường Pleiku, tỉnh Gia Lai.", [filer])).toBe(`Nhà tôi ở ${H}.`);
    expect(redactText("Nhà tôi ở thon 3 phuong pleiku, gần chợ.", [filer])).toBe(`Nhà tôi ở ${H}, gần chợ.`);
    expect(redactText("đường vào Thôn 3 bị sạt lở", [filer])).toBe(`đường vào ${H} bị sạt lở`);
  });

  it("keeps the area's name alone (it is public) and other villages", () => {
    expect(redactText("UBND Phường Pleiku đã kiểm tra Thôn 30.", [filer])).toBe("UBND Phường Pleiku đã kiểm tra Thôn 30.");
  });

  it("lists the forms of an address", () => {
    expect(addressForms("12 Lê Lợi, Phường Diên Hồng, tỉnh Gia Lai")).toEqual(["12 le loi, phuong dien hong, tinh gia lai", "12 le loi, phuong dien hong", "12 le loi"]);
    expect(addressForms("Làng Ia Băng")).toEqual(["lang ia bang"]);
    expect(addressForms("Pleiku")).toEqual([]);
  });
});

describe("phones", () => {
  it.each([
    "0912345678",
    "0912 345 678",
    "0912.345.678",
    "0912-345-678",
    "091 234 5678",
    "+84912345678",
    "+84 912 345 678",
    "(+84) 912.345.678",
    "84 912 345 678",
    "0084 912 345 678",
    "+84 0912 345 678",
    "0269 3823 456",
    "02693823456",
  ])("hides %s", (phone) => {
    expect(redactText(`Số điện thoại: ${phone}, xin gọi.`, [])).toBe(`Số điện thoại: ${H}, xin gọi.`);
  });

  it("hides the filer's own phone written oddly", () => {
    expect(redactText("gọi 0 9 1 2 3 4 5 6 7 8", [filer])).toBe(`gọi ${H}`);
  });

  it("keeps amounts, dates, areas and decision numbers", () => {
    const text = "Bồi thường 1.200.000.000 đồng cho 1.200 m² theo Quyết định số 1234/QĐ-UBND ngày 01.02.2024, năm 2025.";
    expect(redactText(text, [filer])).toBe(text);
  });
});

describe("emails and ID numbers", () => {
  it("hides emails, also with spaces around @", () => {
    expect(redactText("Email: An.Nguyen@Example.com hoặc lan_tran+1@mail.gov.vn; x @ y.vn", [filer])).toBe(`Email: ${H} hoặc ${H}; ${H}`);
  });

  it("hides CMND (9 digits) and CCCD (12 digits), also grouped", () => {
    expect(redactText("CMND 230123456, CCCD 079083001234, CCCD 0790 8300 1234", [])).toBe(`CMND ${H}, CCCD ${H}, CCCD ${H}`);
  });

  it("keeps short numbers", () => {
    expect(redactText("Thửa đất số 123, tờ bản đồ 45, 8 hộ", [])).toBe("Thửa đất số 123, tờ bản đồ 45, 8 hộ");
  });

  it("uses the placeholder it is given", () => {
    expect(redactText("call 0912345678", [], { placeholder: REDACTED.en })).toBe("call [hidden]");
  });
});

describe("properties", () => {
  const words = fc.constantFrom("Đề", "nghị", "kiểm", "tra", "đường", "thôn", "xã", "nước", "suối", "cảm", "ơn", "ông/bà", "số", "gọi", "Liên", "hệ:", "(", ")", ",", ".", "-");
  const prose = fc.array(words, { maxLength: 12 }).map((w) => w.join(" "));
  const sep = fc.constantFrom("", " ", ".", "-");
  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const mobile = fc
    .tuple(fc.constantFrom("3", "5", "7", "8", "9"), fc.array(digit, { minLength: 8, maxLength: 8 }), sep, fc.constantFrom("0", "+84", "+84 ", "84", "(+84) "))
    .map(([first, rest, s, prefix]) => {
      const d = first + rest.join("");
      return { digits: d, text: `${prefix}${d.slice(0, 3)}${s}${d.slice(3, 6)}${s}${d.slice(6)}` };
    });

  it("a planted phone never survives", () => {
    fc.assert(
      fc.property(prose, mobile, prose, (before, phone, after) => {
        const out = redactText(`${before} ${phone.text} ${after}`, []);
        expect(out.replace(/\D/g, "")).not.toContain(phone.digits);
      }),
    );
  });

  it("a planted email never survives", () => {
    const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._]{0,10}$/), fc.stringMatching(/^[a-z]{2,8}$/), fc.constantFrom("vn", "com", "gov.vn")).map(([u, d, tld]) => `${u}@${d}.${tld}`);
    fc.assert(
      fc.property(prose, email, prose, (before, e, after) => {
        expect(redactText(`${before} ${e} ${after}`, [])).not.toContain("@");
      }),
    );
  });

  it("a planted ID number never survives", () => {
    const id = fc.oneof(fc.array(digit, { minLength: 9, maxLength: 9 }), fc.array(digit, { minLength: 12, maxLength: 12 })).map((d) => d.join(""));
    fc.assert(
      fc.property(prose, id, prose, (before, n, after) => {
        expect(redactText(`${before} ${n} ${after}`, []).replace(/\D/g, "")).not.toContain(n);
      }),
    );
  });

  it("a planted filer's name never survives, in any case and with or without accents", () => {
    const name = fc.constantFrom("Nguyễn Văn An", "Trần Thị Bình", "Rơ Châm H'Lan", "Siu Đức", "Huỳnh Minh Tâm");
    const form = fc.constantFrom((s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D"));
    fc.assert(
      fc.property(prose, name, form, prose, (before, n, f, after) => {
        const out = redactText(`${before} ${f(n)} ${after}`, [{ name: n }]);
        const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
        expect(fold(out)).not.toContain(fold(n));
      }),
    );
  });

  it("a text without identities comes back unchanged", () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(redactText(text, [filer])).toBe(text);
      }),
    );
  });
});

describe("the text around what is hidden", () => {
  it("keeps the spaces and punctuation next to a hidden number", () => {
    expect(redactText("gọi 0905.123.456 hoặc +84 905 123 456; xin cảm ơn", [{ phone: "0905123456" }])).toBe(`gọi ${H} hoặc ${H}; xin cảm ơn`);
  });
});
