
#include "header.h"

void predict_unit0(union Entry* data, float* result) {
  unsigned int tmp;
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.8320999146)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.85269928)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.8466000557)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6915001869)) {
          result[0] += 1.104177;
        } else {
          result[0] += -0.15490782;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.0528001785)) {
          result[0] += 0.17046845;
        } else {
          result[0] += -0.1654908;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)49.450000763)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6915001869)) {
          result[0] += 0.26892975;
        } else {
          result[0] += -0.16769409;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.182598114)) {
          result[0] += -0.1647991;
        } else {
          result[0] += -0.055808984;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.0137000084)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.4281997681)) {
          result[0] += 0.34226587;
        } else {
          result[0] += -0.10360423;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.8208999634)) {
          result[0] += 0.014884234;
        } else {
          result[0] += -0.14958562;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7123000622)) {
          result[0] += 0.044628102;
        } else {
          result[0] += -0.15329406;
        }
      } else {
        result[0] += -0.16821282;
      }
    }
  }
  if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.3498001099)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.8682999611)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.1101999283)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
          result[1] += -0.16751125;
        } else {
          result[1] += -0.13897383;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.5760002136)) {
          result[1] += 0.44965827;
        } else {
          result[1] += -0.15398271;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7056999207)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7565999031)) {
          result[1] += 0.028877007;
        } else {
          result[1] += 1.3300178;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2188000679)) {
          result[1] += 0.6262954;
        } else {
          result[1] += -0.1601241;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.6673002243)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5099000931)) {
        result[1] += -0.12393443;
      } else {
        result[1] += 1.3449068;
      }
    } else {
      result[1] += -0.16003825;
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.258300066)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.3428997993)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
        result[2] += -0.16798966;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9402999878)) {
          result[2] += 0.124672644;
        } else {
          result[2] += -0.1578654;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2713000774)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.6168999672)) {
          result[2] += 1.1128105;
        } else {
          result[2] += 0.19946273;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3705000877)) {
          result[2] += 0.093282156;
        } else {
          result[2] += -0.16404836;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.472099781)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2129998207)) {
        result[2] += -0.1624713;
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.1353001595)) {
          result[2] += 1.251652;
        } else {
          result[2] += 0.7419957;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.815199852)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5789999962)) {
          result[2] += -0.07677725;
        } else {
          result[2] += 0.68970555;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.953400135)) {
          result[2] += -0.041393727;
        } else {
          result[2] += -0.15659833;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1793000698)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.6504001617)) {
        result[3] += -0.16791146;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3880000114)) {
          result[3] += 0.09296987;
        } else {
          result[3] += -0.16695999;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)77.734596252)) {
          result[3] += -0.037370242;
        } else {
          result[3] += -0.16564417;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.016100049)) {
          result[3] += -0.16054055;
        } else {
          result[3] += 0.24727908;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.5099000931)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.1786999702)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.2533998489)) {
          result[3] += 0.16979773;
        } else {
          result[3] += -0.12196493;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5157999992)) {
          result[3] += 0.8992859;
        } else {
          result[3] += 0.14499931;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.815199852)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5789999962)) {
          result[3] += 1.2415394;
        } else {
          result[3] += 0.45042178;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.0146000385)) {
          result[3] += 1.3135482;
        } else {
          result[3] += -0.1120332;
        }
      }
    }
  }
  if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.3347001076)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)8.1820001602)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.7019000053)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.1185998917)) {
          result[4] += -0.1679816;
        } else {
          result[4] += -0.11075661;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
          result[4] += 1.2577217;
        } else {
          result[4] += -0.16710417;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.905299902)) {
        result[4] += 1.2564586;
      } else {
        result[4] += -0.13597123;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.6531000137)) {
      result[4] += -0.14936171;
    } else {
      result[4] += 1.3475885;
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.6712999344)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.630499959)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.0457000732)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.513800025)) {
          result[5] += -0.15323496;
        } else {
          result[5] += 0.046712805;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.815199852)) {
          result[5] += 0.8813057;
        } else {
          result[5] += -0.13002834;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.2251000404)) {
        result[5] += 1.3449265;
      } else {
        result[5] += -0.13466334;
      }
    }
  } else {
    if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7764999866)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.3702001572)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7692000866)) {
          result[5] += -0.09789631;
        } else {
          result[5] += -0.16501985;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9077000618)) {
          result[5] += 0.13611366;
        } else {
          result[5] += -0.14305508;
        }
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9711999893)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.0894999504)) {
          result[5] += 1.1612763;
        } else {
          result[5] += -0.16256225;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2309000492)) {
          result[5] += 0.18008456;
        } else {
          result[5] += -0.16813764;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7051999569)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6621999741)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5298999548)) {
        result[6] += -0.15736885;
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7947001457)) {
          result[6] += 0.54;
        } else {
          result[6] += -0.12145329;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.91869997978)) {
        result[6] += -0.12616824;
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.8506999016)) {
          result[6] += -0.10800001;
        } else {
          result[6] += 1.3396837;
        }
      }
    }
  } else {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.8455998898)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8400000334)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.4959001541)) {
          result[6] += -0.1601005;
        } else {
          result[6] += -0.0019880352;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0434999466)) {
          result[6] += -0.08187458;
        } else {
          result[6] += 0.9969092;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7678999901)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8852000237)) {
          result[6] += -0.14350873;
        } else {
          result[6] += -0.16647777;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9574999809)) {
          result[6] += -0.011203321;
        } else {
          result[6] += -0.14771263;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.98070001602)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0504000187)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.197601318)) {
        result[7] += 0.18305084;
      } else {
        result[7] += -0.14366974;
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.8958997726)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.8157999516)) {
          result[7] += 1.3387661;
        } else {
          result[7] += -0.1120332;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.190299988)) {
          result[7] += 0.04576271;
        } else {
          result[7] += -0.10334929;
        }
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0470000505)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3076999187)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0798997879)) {
          result[7] += -0.16764492;
        } else {
          result[7] += -0.0138369985;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.8053998947)) {
          result[7] += -0.06849895;
        } else {
          result[7] += 0.7416077;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0937000513)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2135000229)) {
          result[7] += -0.15944664;
        } else {
          result[7] += 0.025694104;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1843999624)) {
          result[7] += -0.14275542;
        } else {
          result[7] += -0.16722228;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)46.033798218)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)57.454299927)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.8022995)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.594799042)) {
          result[8] += -0.16469514;
        } else {
          result[8] += -0.08039805;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.316001892)) {
          result[8] += 1.2921122;
        } else {
          result[8] += -0.15505743;
        }
      }
    } else {
      result[8] += 1.1912918;
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.3052000999)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.3411998749)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.8050999641)) {
          result[8] += 1.3373111;
        } else {
          result[8] += -0.10800001;
        }
      } else {
        result[8] += -0.13324676;
      }
    } else {
      result[8] += -0.1513376;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.943500042)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)48.394901276)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.9696998596)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.7708997726)) {
          result[0] += 0.38040343;
        } else {
          result[0] += -0.1563033;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.3333997726)) {
          result[0] += -0.056531463;
        } else {
          result[0] += -0.16365471;
        }
      }
    } else {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.267299652)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.299900055)) {
          result[0] += -0.16357735;
        } else {
          result[0] += -0.11961228;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)50.184101105)) {
          result[0] += 0.2319157;
        } else {
          result[0] += -0.14355175;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.7053999901)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.8647999763)) {
          result[0] += 0.3405813;
        } else {
          result[0] += -0.15496746;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.081799984)) {
          result[0] += -0.12445202;
        } else {
          result[0] += 0.074752465;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2625999451)) {
          result[0] += 0.0034267271;
        } else {
          result[0] += -0.16147491;
        }
      } else {
        result[0] += -0.16282582;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.3372001648)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.266600132)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.7694997787)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
          result[1] += -0.1621343;
        } else {
          result[1] += -0.13857141;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.3143000603)) {
          result[1] += 0.29964042;
        } else {
          result[1] += -0.15283129;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.7961001396)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.4436998367)) {
          result[1] += 0.36682683;
        } else {
          result[1] += -0.13169803;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
          result[1] += -0.039727025;
        } else {
          result[1] += -0.16290706;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7051999569)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.5362000465)) {
          result[1] += 0.05905541;
        } else {
          result[1] += -0.15199889;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5343999863)) {
          result[1] += 0.4255749;
        } else {
          result[1] += -0.084195256;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.693500042)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2479000092)) {
          result[1] += 0.0136567755;
        } else {
          result[1] += -0.16241112;
        }
      } else {
        result[1] += 0.29175252;
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2263998985)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.3428997993)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
        result[2] += -0.16278984;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9402999878)) {
          result[2] += 0.10185961;
        } else {
          result[2] += -0.15146375;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3633000851)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.815199852)) {
          result[2] += 0.38788852;
        } else {
          result[2] += -0.055584125;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4595999718)) {
          result[2] += -0.015325141;
        } else {
          result[2] += -0.16085035;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.646900177)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2129998207)) {
        result[2] += -0.16039492;
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.6221001148)) {
          result[2] += 0.3892174;
        } else {
          result[2] += -0.11091968;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.953400135)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6095000505)) {
          result[2] += -0.11582263;
        } else {
          result[2] += 0.22061272;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)111.02980042)) {
          result[2] += -0.15565649;
        } else {
          result[2] += -0.049387906;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3118999004)) {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1793000698)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.6504001617)) {
        result[3] += -0.16257687;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3880000114)) {
          result[3] += 0.09073444;
        } else {
          result[3] += -0.1609219;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)77.734596252)) {
          result[3] += -0.02367517;
        } else {
          result[3] += -0.15974331;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8475999832)) {
          result[3] += 0.18600962;
        } else {
          result[3] += -0.14962025;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.3161001205)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9551000595)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.893699646)) {
          result[3] += 0.037309382;
        } else {
          result[3] += -0.13239323;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4391000271)) {
          result[3] += 0.7040668;
        } else {
          result[3] += -0.023808757;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1874001026)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.781299591)) {
          result[3] += 0.37346393;
        } else {
          result[3] += 0.06490662;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
          result[3] += -0.1288005;
        } else {
          result[3] += 0.42391843;
        }
      }
    }
  }
  if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2948000431)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)8.1820001602)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.4619002342)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.8780999184)) {
          result[4] += -0.16323236;
        } else {
          result[4] += -0.13207833;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
          result[4] += 0.5148555;
        } else {
          result[4] += -0.16173112;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.905299902)) {
        result[4] += 0.49102888;
      } else {
        result[4] += -0.12422959;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.6531000137)) {
      result[4] += -0.15520777;
    } else {
      result[4] += 0.4185128;
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7516999245)) {
    if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.590299964)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.1809000969)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3461999893)) {
          result[5] += 0.014784756;
        } else {
          result[5] += -0.14465313;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6157000065)) {
          result[5] += 0.67907214;
        } else {
          result[5] += -0.09537205;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.9623999596)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7832999229)) {
          result[5] += -0.12724982;
        } else {
          result[5] += 0.4257405;
        }
      } else {
        result[5] += -0.15634033;
      }
    }
  } else {
    if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7192000151)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.1577000618)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8080999851)) {
          result[5] += -0.13760056;
        } else {
          result[5] += -0.16240641;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9077000618)) {
          result[5] += 0.0007142261;
        } else {
          result[5] += -0.13911885;
        }
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.029900074)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.5780000687)) {
          result[5] += 0.40157077;
        } else {
          result[5] += -0.15709886;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)6.1185998917)) {
          result[5] += -0.024720067;
        } else {
          result[5] += -0.16229841;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7565999031)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.4959001541)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5721999407)) {
        result[6] += -0.16002358;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)44.402801514)) {
          result[6] += 0.23640415;
        } else {
          result[6] += -0.12277313;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        result[6] += -0.14197937;
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.165199995)) {
          result[6] += 0.42643487;
        } else {
          result[6] += -0.10956664;
        }
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8609000444)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7448999882)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8852000237)) {
          result[6] += -0.128857;
        } else {
          result[6] += -0.1615545;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8828001022)) {
          result[6] += 0.07777447;
        } else {
          result[6] += -0.12799832;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.8617999554)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0233999491)) {
          result[6] += -0.15245175;
        } else {
          result[6] += 0.38090882;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.4112000465)) {
          result[6] += -0.019474367;
        } else {
          result[6] += -0.15943234;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0233999491)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0798997879)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        result[7] += 0.27383307;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.419599533)) {
          result[7] += 0.055065185;
        } else {
          result[7] += -0.16301177;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.5910999775)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6915001869)) {
          result[7] += 0.42673913;
        } else {
          result[7] += -0.061075184;
        }
      } else {
        result[7] += -0.1654313;
      }
    }
  } else {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.7235999107)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0694000721)) {
        result[7] += -0.118330546;
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.6410000324)) {
          result[7] += 0.7071239;
        } else {
          result[7] += 0.19879265;
        }
      }
    } else {
      if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0937000513)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3076999187)) {
          result[7] += -0.13638276;
        } else {
          result[7] += 0.11199346;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1843999624)) {
          result[7] += -0.13211136;
        } else {
          result[7] += -0.16163805;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)45.736099243)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)44.201301575)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.177600861)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
          result[8] += -0.15160477;
        } else {
          result[8] += -0.16303931;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.288101196)) {
          result[8] += 1.3743253;
        } else {
          result[8] += -0.16190824;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9032001495)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)34.713401794)) {
          result[8] += 0.36782378;
        } else {
          result[8] += -0.06977071;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9846000671)) {
          result[8] += -0.007858935;
        } else {
          result[8] += -0.16356106;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.0725998878)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.3411998749)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.45980072)) {
          result[8] += 0.41945785;
        } else {
          result[8] += 0.101682685;
        }
      } else {
        result[8] += -0.13122767;
      }
    } else {
      result[8] += -0.15192175;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.9696998596)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.7708997726)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)45.736099243)) {
          result[0] += 0.26777118;
        } else {
          result[0] += -0.15064345;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.0350999832)) {
          result[0] += -0.027252626;
        } else {
          result[0] += -0.1600368;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.2867999077)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)104.62580109)) {
          result[0] += -0.11481802;
        } else {
          result[0] += 0.21725684;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.8372001648)) {
          result[0] += -0.16101398;
        } else {
          result[0] += -0.08122786;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4017000198)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7372000217)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.8647999763)) {
          result[0] += 0.2559503;
        } else {
          result[0] += -0.15429933;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)104.36360168)) {
          result[0] += -0.14332174;
        } else {
          result[0] += -0.010658274;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5806999207)) {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2081000805)) {
          result[0] += -0.1421125;
        } else {
          result[0] += 0.13324217;
        }
      } else {
        result[0] += -0.16035925;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.7406001091)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.0528001785)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.675498962)) {
          result[1] += -0.15911698;
        } else {
          result[1] += -0.09262306;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.8320999146)) {
          result[1] += 0.0061053676;
        } else {
          result[1] += -0.15930386;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7056999207)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.7406001091)) {
          result[1] += 0.3465377;
        } else {
          result[1] += 0.052939694;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
          result[1] += -0.05624095;
        } else {
          result[1] += -0.16040011;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2129998207)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7344999313)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9835999012)) {
          result[1] += -0.15751448;
        } else {
          result[1] += 0.20703879;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5343999863)) {
          result[1] += 0.30887407;
        } else {
          result[1] += -0.13442409;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.693500042)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.919101715)) {
          result[1] += -0.15789226;
        } else {
          result[1] += 0.05332599;
        }
      } else {
        result[1] += 0.24704726;
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1912999153)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.3428997993)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5806999207)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
          result[2] += -0.16027348;
        } else {
          result[2] += -0.13829982;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9402999878)) {
          result[2] += 0.7529629;
        } else {
          result[2] += -0.15011048;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3705000877)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2625999451)) {
          result[2] += 0.30295235;
        } else {
          result[2] += 0.10011128;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5146000385)) {
          result[2] += -0.049095448;
        } else {
          result[2] += -0.15893432;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.7197999954)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
        result[2] += -0.15839413;
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.3161001205)) {
          result[2] += 0.2890603;
        } else {
          result[2] += 0.16643316;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9914999008)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6979000568)) {
          result[2] += -0.073241174;
        } else {
          result[2] += 0.20586644;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)111.31420135)) {
          result[2] += -0.15415365;
        } else {
          result[2] += -0.043450505;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2732000351)) {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1429998875)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
        result[3] += -0.16080603;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3004000187)) {
          result[3] += 0.040952917;
        } else {
          result[3] += -0.15661816;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)77.734596252)) {
          result[3] += -0.0087829735;
        } else {
          result[3] += -0.15743297;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.016100049)) {
          result[3] += -0.15776399;
        } else {
          result[3] += 0.13861017;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.1243000031)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.5130996704)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.6981999874)) {
          result[3] += -0.10051741;
        } else {
          result[3] += 0.21455261;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7376000881)) {
          result[3] += -0.15111598;
        } else {
          result[3] += -0.06650685;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.646900177)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5765000582)) {
          result[3] += 0.2983335;
        } else {
          result[3] += 0.025007136;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0798997879)) {
          result[3] += -0.16253686;
        } else {
          result[3] += 0.2990292;
        }
      }
    }
  }
  if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2948000431)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)7.3638000488)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.4619002342)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.8780999184)) {
          result[4] += -0.16032963;
        } else {
          result[4] += -0.122453175;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
          result[4] += 0.3967034;
        } else {
          result[4] += -0.15788482;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.5878999233)) {
        result[4] += 0.34233183;
      } else {
        result[4] += -0.15148303;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.6531000137)) {
      result[4] += -0.15087658;
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.5809001923)) {
        result[4] += 0.34784126;
      } else {
        result[4] += 0.30133373;
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7692000866)) {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.1577000618)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.6498999596)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.8085000515)) {
          result[5] += -0.12403088;
        } else {
          result[5] += 0.27061832;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3415000439)) {
          result[5] += 0.043317325;
        } else {
          result[5] += -0.15010285;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.1161999702)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3118999004)) {
          result[5] += 0.30946085;
        } else {
          result[5] += -0.13635649;
        }
      } else {
        result[5] += -0.15566862;
      }
    }
  } else {
    if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7072000504)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.3702001572)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.0546998978)) {
          result[5] += -0.15939052;
        } else {
          result[5] += -0.13482685;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9130001068)) {
          result[5] += 0.034576505;
        } else {
          result[5] += -0.13320397;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)7.5290999413)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.266600132)) {
          result[5] += 0.29893193;
        } else {
          result[5] += -0.14570753;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9960000515)) {
          result[5] += 0.21064162;
        } else {
          result[5] += -0.15750946;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.773900032)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6621999741)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6212999821)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2706999779)) {
          result[6] += 0.041290395;
        } else {
          result[6] += 0.4119037;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5652999878)) {
          result[6] += -0.15715846;
        } else {
          result[6] += -0.027470954;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        result[6] += -0.14391568;
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.2146000862)) {
          result[6] += 0.30658;
        } else {
          result[6] += -0.15500186;
        }
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7906999588)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8852000237)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3361001015)) {
          result[6] += -0.1542705;
        } else {
          result[6] += -0.024477726;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7448999882)) {
          result[6] += -0.15822947;
        } else {
          result[6] += -0.12516734;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9328999519)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.0626001358)) {
          result[6] += 0.28136027;
        } else {
          result[6] += -0.109097116;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.1922001839)) {
          result[6] += -0.08051019;
        } else {
          result[6] += -0.15919106;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0346000195)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7651000023)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        result[7] += 0.120293476;
      } else {
        result[7] += -0.15806031;
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.5910999775)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.6915001869)) {
          result[7] += 0.3059679;
        } else {
          result[7] += -0.082370624;
        }
      } else {
        result[7] += -0.16247657;
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0937000513)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5146000385)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.0798997879)) {
          result[7] += -0.1592775;
        } else {
          result[7] += -0.02727132;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7407000065)) {
          result[7] += -0.15639016;
        } else {
          result[7] += 0.3026314;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1843999624)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3076999187)) {
          result[7] += -0.15299338;
        } else {
          result[7] += -0.056392223;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)75.689796448)) {
          result[7] += 0.083393455;
        } else {
          result[7] += -0.158642;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)45.118999481)) {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)55.037200928)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.529800415)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.139400482)) {
          result[8] += -0.15874916;
        } else {
          result[8] += -0.12674238;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.177398682)) {
          result[8] += 0.19829711;
        } else {
          result[8] += -0.12815765;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.950600028)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)57.454299927)) {
          result[8] += 0.71280134;
        } else {
          result[8] += 0.35564044;
        }
      } else {
        result[8] += -0.13294023;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7554998398)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.3411998749)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.5780000687)) {
          result[8] += 0.30183396;
        } else {
          result[8] += -0.14379942;
        }
      } else {
        result[8] += -0.14471352;
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)55.931598663)) {
        result[8] += -0.1550576;
      } else {
        result[8] += 0.029451003;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2129998207)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.6168999672)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.7248997688)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)45.118999481)) {
          result[0] += 0.23447707;
        } else {
          result[0] += -0.12758435;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.9910998344)) {
          result[0] += 0.009557285;
        } else {
          result[0] += -0.15661551;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.2452001572)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.3067998886)) {
          result[0] += 0.015049436;
        } else {
          result[0] += -0.22473069;
        }
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)36.754199982)) {
          result[0] += -0.15864065;
        } else {
          result[0] += -0.06416269;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7123000622)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2877001762)) {
          result[0] += 0.31485805;
        } else {
          result[0] += -0.12918438;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)111.31420135)) {
          result[0] += -0.1513842;
        } else {
          result[0] += 0.046336893;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5806999207)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.6215999126)) {
          result[0] += 0.11775515;
        } else {
          result[0] += -0.15535498;
        }
      } else {
        result[0] += -0.15809624;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.7406001091)) {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.4351000786)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9696998596)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
          result[1] += -0.15632062;
        } else {
          result[1] += -0.115910344;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.4951000214)) {
          result[1] += 0.13509719;
        } else {
          result[1] += -0.13967863;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.7080001831)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)7.2593998909)) {
          result[1] += 0.015652005;
        } else {
          result[1] += -0.083710656;
        }
      } else {
        result[1] += 0.39259076;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2129998207)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7344999313)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9402999878)) {
          result[1] += 0.20407224;
        } else {
          result[1] += -0.15275241;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5343999863)) {
          result[1] += 0.25025624;
        } else {
          result[1] += -0.12712353;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.693500042)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.919101715)) {
          result[1] += -0.1548546;
        } else {
          result[1] += 0.05402337;
        }
      } else {
        result[1] += 0.20445709;
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1912999153)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5806999207)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
          result[2] += -0.15814158;
        } else {
          result[2] += -0.13746016;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0504000187)) {
          result[2] += 0.382839;
        } else {
          result[2] += -0.15044856;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2585999966)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.99239999056)) {
          result[2] += -0.119464636;
        } else {
          result[2] += 0.2192187;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4337000847)) {
          result[2] += -0.029623171;
        } else {
          result[2] += -0.15717115;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.7197999954)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
          result[2] += -0.1566112;
        } else {
          result[2] += -0.020763092;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.4483995438)) {
          result[2] += 0.120869584;
        } else {
          result[2] += 0.23700838;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.0682997704)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)34.726501465)) {
          result[2] += -0.057211995;
        } else {
          result[2] += 0.29583427;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2948000431)) {
          result[2] += -0.15043522;
        } else {
          result[2] += 0.062675215;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2732000351)) {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1429998875)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
        result[3] += -0.15863477;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3004000187)) {
          result[3] += 0.041695938;
        } else {
          result[3] += -0.15343684;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1922001839)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
          result[3] += -0.15605105;
        } else {
          result[3] += -0.056457434;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.0254998207)) {
          result[3] += -0.09545703;
        } else {
          result[3] += 0.1369557;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9628000259)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.4483995438)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.5058999062)) {
          result[3] += -0.14156611;
        } else {
          result[3] += 0.0927023;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)4.4573001862)) {
          result[3] += -0.07331691;
        } else {
          result[3] += -0.15335815;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.6036000252)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4937000275)) {
          result[3] += 0.27273744;
        } else {
          result[3] += 0.03600119;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0798997879)) {
          result[3] += -0.15217194;
        } else {
          result[3] += 0.23870517;
        }
      }
    }
  }
  if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2948000431)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)7.3638000488)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.1185998917)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)4.3949999809)) {
          result[4] += -0.15777814;
        } else {
          result[4] += 0.01644639;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
          result[4] += 0.39030328;
        } else {
          result[4] += -0.15631427;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.5878999233)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.1133000851)) {
          result[4] += 0.08199762;
        } else {
          result[4] += 0.27103963;
        }
      } else {
        result[4] += -0.14728796;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.6531000137)) {
      result[4] += -0.14672455;
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.5809001923)) {
        result[4] += 0.2918483;
      } else {
        result[4] += 0.2465893;
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7934999466)) {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.0137000084)) {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.622699976)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.5328999758)) {
          result[5] += -0.10191345;
        } else {
          result[5] += 0.19252768;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3461999893)) {
          result[5] += 0.05943871;
        } else {
          result[5] += -0.1500812;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)2.0894999504)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2904999256)) {
          result[5] += 0.25426275;
        } else {
          result[5] += -0.14987397;
        }
      } else {
        result[5] += -0.1551688;
      }
    }
  } else {
    if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7072000504)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.204199791)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.081099987)) {
          result[5] += -0.15723242;
        } else {
          result[5] += -0.13238604;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7374999523)) {
          result[5] += -0.055706523;
        } else {
          result[5] += -0.1580252;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)7.5290999413)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.1820001602)) {
          result[5] += 0.2104628;
        } else {
          result[5] += -0.13600901;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)2.4811999798)) {
          result[5] += -0.16063699;
        } else {
          result[5] += 0.23042737;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.773900032)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.4959001541)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5721999407)) {
        result[6] += -0.15533438;
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)45.121700287)) {
          result[6] += 0.14087287;
        } else {
          result[6] += -0.1340985;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1749000549)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.0267000198)) {
          result[6] += 0.25111723;
        } else {
          result[6] += -0.15217364;
        }
      } else {
        result[6] += -0.15378883;
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7906999588)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8852000237)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3361001015)) {
          result[6] += -0.15032068;
        } else {
          result[6] += -0.012622475;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7448999882)) {
          result[6] += -0.15541393;
        } else {
          result[6] += -0.11615987;
        }
      }
    } else {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.8898999691)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9712998867)) {
          result[6] += 0.26830956;
        } else {
          result[6] += -0.09313378;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.6085000038)) {
          result[6] += -0.029525789;
        } else {
          result[6] += -0.15674658;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0346000195)) {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0504000187)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8805000782)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6593999863)) {
          result[7] += -0.10308164;
        } else {
          result[7] += 0.326118;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)12.922699928)) {
          result[7] += -0.1563901;
        } else {
          result[7] += 0.02664874;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.5910999775)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.5776000023)) {
          result[7] += -0.14576136;
        } else {
          result[7] += 0.24772416;
        }
      } else {
        result[7] += -0.15591803;
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0937000513)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7158000469)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8554000854)) {
          result[7] += 0.15522413;
        } else {
          result[7] += -0.112729274;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.1138000488)) {
          result[7] += -0.1191596;
        } else {
          result[7] += 0.2388934;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1843999624)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3076999187)) {
          result[7] += -0.14881864;
        } else {
          result[7] += -0.0415393;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)75.689796448)) {
          result[7] += 0.08327891;
        } else {
          result[7] += -0.15593797;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)45.118999481)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.594799042)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.139400482)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
          result[8] += -0.1403229;
        } else {
          result[8] += -0.1578913;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.272499084)) {
          result[8] += 0.57897013;
        } else {
          result[8] += -0.15768301;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.143199921)) {
          result[8] += 0.21925916;
        } else {
          result[8] += -0.085938394;
        }
      } else {
        result[8] += -0.15936683;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7554998398)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.720001221)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.3411998749)) {
          result[8] += 0.24773474;
        } else {
          result[8] += -0.13055173;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.18760037;
        } else {
          result[8] += 0.25364208;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)55.931598663)) {
        result[8] += -0.15152457;
      } else {
        result[8] += 0.027903717;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2129998207)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.6168999672)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.7708997726)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.03850174)) {
          result[0] += 0.16711631;
        } else {
          result[0] += -0.15899247;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.0350999832)) {
          result[0] += -0.02586274;
        } else {
          result[0] += -0.15568084;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.2452001572)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.8509998322)) {
          result[0] += -0.12677117;
        } else {
          result[0] += 0.077325;
        }
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)36.754199982)) {
          result[0] += -0.15668319;
        } else {
          result[0] += -0.049475048;
        }
      }
    }
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4436001778)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2877001762)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.339700222)) {
          result[0] += 0.21400306;
        } else {
          result[0] += -0.15020365;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.720001221)) {
          result[0] += -0.15728575;
        } else {
          result[0] += 0.060399674;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5806999207)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.6215999126)) {
          result[0] += 0.088445336;
        } else {
          result[0] += -0.15308966;
        }
      } else {
        result[0] += -0.15635137;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.5780000687)) {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.4351000786)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.7694997787)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5494999886)) {
          result[1] += -0.15403962;
        } else {
          result[1] += -0.11499244;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7388000488)) {
          result[1] += 0.06691118;
        } else {
          result[1] += -0.14444506;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.4493999481)) {
        result[1] += -0.084101446;
      } else {
        result[1] += 0.28812823;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2129998207)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8185999393)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8547999859)) {
          result[1] += 0.23594287;
        } else {
          result[1] += -0.16156998;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5343999863)) {
          result[1] += 0.21981649;
        } else {
          result[1] += -0.13166;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.693500042)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.919101715)) {
          result[1] += -0.15286101;
        } else {
          result[1] += 0.0544099;
        }
      } else {
        result[1] += 0.17608671;
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1912999153)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7122001648)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2627000809)) {
        result[2] += -0.15608943;
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.0915000439)) {
          result[2] += -0.14511952;
        } else {
          result[2] += 0.028487442;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2585999966)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.3267998695)) {
          result[2] += 0.20223312;
        } else {
          result[2] += 0.06758909;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3633000851)) {
          result[2] += -0.036248412;
        } else {
          result[2] += -0.15299797;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.815199852)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5397000313)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)3.9388999939)) {
          result[2] += -0.0163933;
        } else {
          result[2] += -0.15484625;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9551000595)) {
          result[2] += 0.21294984;
        } else {
          result[2] += 0.1156367;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)110.21549988)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9914999008)) {
          result[2] += -0.05265255;
        } else {
          result[2] += -0.14700066;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.497600555)) {
          result[2] += 0.5539961;
        } else {
          result[2] += -0.07571259;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.258300066)) {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1429998875)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.6504001617)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
          result[3] += -0.15697928;
        } else {
          result[3] += -0.13606173;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3880000114)) {
          result[3] += 0.045730937;
        } else {
          result[3] += -0.15285835;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0383000374)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
          result[3] += -0.06652372;
        } else {
          result[3] += -0.15600291;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.7890999317)) {
          result[3] += 0.1161281;
        } else {
          result[3] += -0.118718475;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9628000259)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.4516999722)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7283000946)) {
          result[3] += -0.10378758;
        } else {
          result[3] += 0.25860697;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)119.89559937)) {
          result[3] += -0.15460698;
        } else {
          result[3] += 0.16206826;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3220999241)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.781299591)) {
          result[3] += 0.18051352;
        } else {
          result[3] += 0.03567865;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
          result[3] += -0.14293349;
        } else {
          result[3] += 0.21925384;
        }
      }
    }
  }
  if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2948000431)) {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)7.3638000488)) {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.1185998917)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)4.3949999809)) {
          result[4] += -0.15590067;
        } else {
          result[4] += 0.027421169;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
          result[4] += 0.32618484;
        } else {
          result[4] += -0.1539207;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.5878999233)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)2.2769999504)) {
          result[4] += 0.22966626;
        } else {
          result[4] += 0.0664439;
        }
      } else {
        result[4] += -0.14287296;
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.6531000137)) {
      result[4] += -0.14269368;
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.4017000198)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.5809001923)) {
          result[4] += 0.25458702;
        } else {
          result[4] += 0.21593924;
        }
      } else {
        result[4] += 0.050384037;
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7994000912)) {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.0137000084)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7832999229)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.2725999355)) {
          result[5] += -0.037283454;
        } else {
          result[5] += -0.15467507;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3461999893)) {
          result[5] += 0.3528288;
        } else {
          result[5] += -0.058047976;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.7080001831)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3118999004)) {
          result[5] += 0.22195098;
        } else {
          result[5] += -0.14290339;
        }
      } else {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)2.6477999687)) {
          result[5] += -0.15459971;
        } else {
          result[5] += 0.1455414;
        }
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.3702001572)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.081099987)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8080999851)) {
          result[5] += -0.09798681;
        } else {
          result[5] += -0.15617836;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)93.551399231)) {
          result[5] += -0.07210419;
        } else {
          result[5] += -0.14572982;
        }
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0827999115)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8098000288)) {
          result[5] += 0.19940786;
        } else {
          result[5] += -0.13507974;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2309000492)) {
          result[5] += -0.07687251;
        } else {
          result[5] += -0.15563983;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.773900032)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2149000168)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6136000156)) {
        result[6] += -0.15314247;
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.8759000301)) {
          result[6] += 0.15060107;
        } else {
          result[6] += -0.105245106;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1749000549)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.9264998436)) {
          result[6] += -0.0939324;
        } else {
          result[6] += 0.21767536;
        }
      } else {
        result[6] += -0.15437374;
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7531000376)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8919999599)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3361001015)) {
          result[6] += -0.14711869;
        } else {
          result[6] += -0.023293663;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6646000147)) {
          result[6] += -0.15577015;
        } else {
          result[6] += -0.13599345;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9712998867)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.6085000038)) {
          result[6] += 0.18577904;
        } else {
          result[6] += -0.09447293;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.084100008)) {
          result[6] += -0.07147716;
        } else {
          result[6] += -0.14576465;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0346000195)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0798997879)) {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)41.428901672)) {
          result[7] += 0.22270197;
        } else {
          result[7] += 0.057463724;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.366300583)) {
          result[7] += 0.04912894;
        } else {
          result[7] += -0.15770653;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.4853000641)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.8197000027)) {
          result[7] += 0.21613863;
        } else {
          result[7] += -0.14955546;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.8761999607)) {
          result[7] += -0.15204294;
        } else {
          result[7] += -0.0010323126;
        }
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.127300024)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3076999187)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.1227002144)) {
          result[7] += -0.15672047;
        } else {
          result[7] += -0.08126246;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.3118999004)) {
          result[7] += 0.1436025;
        } else {
          result[7] += -0.14672254;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.1843999624)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3076999187)) {
          result[7] += -0.14292029;
        } else {
          result[7] += -0.04797952;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)75.689796448)) {
          result[7] += 0.0839905;
        } else {
          result[7] += -0.15360849;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)45.118999481)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.594799042)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)42.139400482)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
          result[8] += -0.13445401;
        } else {
          result[8] += -0.15604562;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.216201782)) {
          result[8] += 0.3950114;
        } else {
          result[8] += -0.15681088;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)36.267299652)) {
          result[8] += 0.15596542;
        } else {
          result[8] += -0.12646349;
        }
      } else {
        result[8] += -0.15717705;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7554998398)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.543899536)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.3411998749)) {
          result[8] += 0.2155455;
        } else {
          result[8] += -0.12177343;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.18790522;
        } else {
          result[8] += 0.21965502;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)38.68239975)) {
        result[8] += 0.021036195;
      } else {
        result[8] += -0.1481745;
      }
    }
  }
}

