# A Modbus/TCP server from Debian's python3-pymodbus (3.0), the PLC of ModbusDebianPeersTest.
# Run with /usr/bin/python3: the python3 first on PATH may not see Debian's packages.
# Unit 1, 100 addresses in each table, PDU addressing (zero_mode): coil i is on when i % 3 == 0,
# discrete input i when i % 2 == 0, holding register i holds i, input register i holds 1000 + i.
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartTcpServer

port = int(sys.argv[1])
unit = ModbusSlaveContext(
    co=ModbusSequentialDataBlock(0, [i % 3 == 0 for i in range(100)]),
    di=ModbusSequentialDataBlock(0, [i % 2 == 0 for i in range(100)]),
    hr=ModbusSequentialDataBlock(0, list(range(100))),
    ir=ModbusSequentialDataBlock(0, [1000 + i for i in range(100)]),
    zero_mode=True)
StartTcpServer(context=ModbusServerContext(slaves={1: unit}, single=False), address=("127.0.0.1", port))
