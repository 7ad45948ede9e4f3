#!/usr/bin/env python3
"""Save documents with LibreOffice's own filters, optionally with a password, through UNO.

Usage: lo_save.py PIPE_NAME SOURCE TARGET FILTER [PASSWORD] [ODF_VERSION]
ODF_VERSION is LibreOffice's Save/ODF/DefaultVersion setting (2 = ODF 1.0/1.1, which LibreOffice encrypts
with Blowfish CFB; 10 = ODF 1.3 extended, the default, which it encrypts with AES-256).
"""
import sys
import time
import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not answer on pipe " + pipe)


def set_odf_version(ctx, version):
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (prop("nodepath", "/org.openoffice.Office.Common/Save/ODF"),))
    access.setPropertyValue("DefaultVersion", version)
    access.commitChanges()


def main():
    pipe, source, target, filter_name = sys.argv[1:5]
    password = sys.argv[5] if len(sys.argv) > 5 and sys.argv[5] else None
    odf_version = int(sys.argv[6]) if len(sys.argv) > 6 else 10
    ctx = connect(pipe)
    set_odf_version(ctx, odf_version)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    args = [prop("FilterName", filter_name), prop("Overwrite", True)]
    if password:
        args.append(prop("Password", password))
    doc.storeToURL(uno.systemPathToFileUrl(target), tuple(args))
    doc.close(True)


main()
